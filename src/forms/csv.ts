/**
 * CSV as councils' systems and Excel write it (RFC 4180: quoted fields, doubled quotes, line
 * breaks inside quotes), with what Excel adds in practice: a UTF-8 byte-order mark, CRLF line
 * ends, and a semicolon delimiter where the computer's list separator is one (Excel in
 * locales with a decimal comma) or a tab for "Text (Tab delimited)".
 */

const DELIMITERS = [",", ";", "\t"] as const;

/** How many lines are sampled to choose the delimiter. */
const SAMPLE_LINES = 10;

/**
 * The delimiter used most outside quotes over the first lines; a comma when none appears (a
 * one-column file). Sampling several lines keeps a title line ("Proxy values; 2025") from
 * deciding alone.
 */
export function detectDelimiter(text: string): string {
  const counts = new Map<string, number>(DELIMITERS.map((d) => [d, 0]));
  let quoted = false;
  let lines = 0;
  for (let i = 0; i < text.length && lines < SAMPLE_LINES; i++) {
    const ch = text[i] as string;
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === "\n" || ch === "\r")) {
      if (ch === "\r" && text[i + 1] === "\n") i++;
      lines++;
    } else if (!quoted && counts.has(ch)) counts.set(ch, (counts.get(ch) as number) + 1);
  }
  let best: string = ",";
  for (const d of DELIMITERS) if ((counts.get(d) as number) > (counts.get(best) as number)) best = d;
  return best;
}

/** The rows of a CSV text; a final line break does not make an extra empty row. */
export function parseCsv(text: string): string[][] {
  const source = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const delimiter = detectDelimiter(source);
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  let any = false; // the current row has begun
  const endField = (): void => {
    row.push(field);
    field = "";
  };
  const endRow = (): void => {
    endField();
    rows.push(row);
    row = [];
    any = false;
  };
  for (let i = 0; i < source.length; i++) {
    const ch = source[i] as string;
    if (quoted) {
      if (ch === '"') {
        if (source[i + 1] === '"') {
          field += '"';
          i++;
        } else quoted = false;
      } else field += ch;
      continue;
    }
    any = true;
    if (ch === '"') quoted = true;
    else if (ch === delimiter) endField();
    else if (ch === "\n" || ch === "\r") {
      if (ch === "\r" && source[i + 1] === "\n") i++;
      endRow();
    } else field += ch;
  }
  if (any || field !== "" || row.length > 0) endRow();
  return rows;
}

/** The text of a CSV file: UTF-8 (with or without its mark), else Windows-1252 as older Excel saves it. */
export function decodeCsvBytes(bytes: Uint8Array): string {
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder("windows-1252").decode(bytes);
  }
}
