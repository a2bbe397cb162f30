/**
 * "Load sample bids": three bidders' commitments against whatever measures the workbook's
 * SV Measures table holds (priced measures first), one of them with a unit mistake to find
 * and fix — the first thing a trainer shows. The three bidders are also listed in SV Scores
 * (when its Bidder column is still blank), as an evaluator would, so the sheet's TENDER formulas
 * score them. Written through `run` like any edit.
 */
import type { ExcelRun } from "../src/excel/shared/excelRun";
import { SHEETS, TABLES } from "../src/core/shared/layout";
import { parseUnit, UNITS, type UnitKey } from "../src/core";
import { columnLetter } from "../src/core/shared/addresses";

export const SAMPLE_BIDDERS = ["Acme Care Ltd", "Birch Homes", "Cura Partnership"] as const;

/** A unit that is certainly wrong for `unit`, for the deliberate mistake. */
function wrongUnit(unit: UnitKey): string {
  return unit === "tonnes" ? "hours" : "tonnes";
}

/** Sensible quantities per unit: whole people, modest hours, £ in thousands. */
function quantity(unit: UnitKey, bidder: number, measure: number): number {
  const base: Record<UnitKey, number> = { FTE: 2, people: 3, count: 4, weeks: 20, hours: 150, "attendee-hours": 300, GBP: 20000, tCO2e: 12, tonnes: 8, kg: 500, percent: 30 };
  const factor = [1, 1.5, 0.5][bidder] ?? 1;
  const value = base[unit] * factor * (1 + (measure % 3) / 2);
  return UNITS[unit].integer || unit === "GBP" ? Math.round(value) : Math.round(value * 10) / 10;
}

export async function loadSampleBids(run: ExcelRun): Promise<{ rows: number; mistakeRow: number }> {
  return run(async (context) => {
    const measures = context.workbook.tables.getItemOrNullObject(TABLES.measures);
    const commitments = context.workbook.tables.getItemOrNullObject(TABLES.commitments);
    await context.sync();
    if (measures.isNullObject || commitments.isNullObject) throw new Error("Insert the evaluation sheets first (Set up > Insert), then load the sample bids.");
    const table = context.workbook.tables.getItem(TABLES.measures).getRange().load("values");
    const header = context.workbook.tables.getItem(TABLES.commitments).getHeaderRowRange().load("values");
    const scores = context.workbook.tables.getItemOrNullObject(TABLES.scores);
    await context.sync();
    const scoresHeader = scores.isNullObject ? null : scores.getHeaderRowRange().load("address, values");
    const scoresBody = scores.isNullObject ? null : scores.getDataBodyRange().load("values");
    await context.sync();
    const [mh = [], ...mrows] = table.values;
    const col = (h: string): number => mh.findIndex((x) => String(x) === h);
    const usable = mrows
      .map((r) => ({
        ref: String(r[col("Ref")] ?? ""),
        unit: parseUnit(String(r[col("Unit")] ?? "")),
        proxy: r[col("Proxy")],
        type: String(r[col("Type")] ?? ""),
        inScope: String(r[col("InScope")] ?? "Yes").toLowerCase() !== "no",
      }))
      .filter((m): m is { ref: string; unit: UnitKey; proxy: unknown; type: string; inScope: boolean } => m.ref !== "" && m.unit !== undefined && m.type !== "Record");
    // Bidders answer what the tender asks for: measures in scope first, priced ones first among them.
    usable.sort((a, b) => Number(b.inScope) - Number(a.inScope) || Number(typeof b.proxy === "number") - Number(typeof a.proxy === "number"));
    const picked = usable.slice(0, 4);
    if (picked.length === 0) throw new Error("SV Measures has no measures a bid could commit to.");

    const rows: unknown[][] = [];
    SAMPLE_BIDDERS.forEach((bidder, b) => picked.forEach((m, i) => rows.push([bidder, m.ref, UNITS[m.unit].label, quantity(m.unit, b, i)])));
    // The mistake: Birch Homes gives its second commitment in the wrong unit.
    const mistakeIndex = picked.length + Math.min(1, picked.length - 1);
    const mistake = rows[mistakeIndex] as unknown[];
    mistake[2] = wrongUnit(picked[Math.min(1, picked.length - 1)]!.unit);

    const headers = (header.values[0] ?? []).map(String);
    const sheet = context.workbook.worksheets.getItem(SHEETS.commitments);
    const letter = (h: string): string => columnLetter(headers.indexOf(h) + 1);
    const last = columnLetter(headers.length);
    context.workbook.tables.getItem(TABLES.commitments).resize(sheet.getRange(`A3:${last}${3 + rows.length}`));
    ["Bidder", "Ref", "Unit", "Quantity"].forEach((h, j) => {
      sheet.getRange(`${letter(h)}4:${letter(h)}${3 + rows.length}`).values = rows.map((r) => [r[j]]);
    });
    if (scoresHeader && scoresBody) {
      const bidderColumn = (scoresHeader.values[0] ?? []).map(String).indexOf("Bidder");
      if (bidderColumn >= 0 && scoresBody.values.every((r) => r[bidderColumn] === "" || r[bidderColumn] === null)) {
        const scoresSheet = context.workbook.worksheets.getItem(SHEETS.scores);
        const headerRange = scoresSheet.getRange(scoresHeader.address.slice(scoresHeader.address.lastIndexOf("!") + 1));
        // Resizing fills the calculated columns into the new rows, as Excel does.
        scores.resize(headerRange.getResizedRange(SAMPLE_BIDDERS.length, 0));
        headerRange.getCell(1, bidderColumn).getResizedRange(SAMPLE_BIDDERS.length - 1, 0).values = SAMPLE_BIDDERS.map((b) => [b]);
      }
    }
    sheet.activate();
    await context.sync();
    return { rows: rows.length, mistakeRow: 4 + mistakeIndex };
  });
}
