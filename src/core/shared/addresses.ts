/** A1 addressing (columns and rows are 1-based): pure, used by core's write plans and the Excel layer. */

export function columnLetter(index: number): string {
  let n = index;
  let out = "";
  while (n > 0) {
    const rem = (n - 1) % 26;
    out = String.fromCharCode(65 + rem) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

/** "A3:K12" for a block starting at (row, col) with the given size. */
export function blockAddress(row: number, col: number, rows: number, cols: number): string {
  return `${columnLetter(col)}${row}:${columnLetter(col + cols - 1)}${row + rows - 1}`;
}

/** A sheet-qualified address, quoting the sheet name as Excel does ('SV Setup'!B3). */
export function qualified(sheet: string, address: string): string {
  return `'${sheet.replace(/'/g, "''")}'!${address}`;
}
