/**
 * Validate marks any number of faulty cells without a command per cell: one multi-area range per
 * colour and address list (Worksheet.getRanges). A command per cell cost 560-800 bytes on
 * Microsoft's serializer and left Excel a range object per cell to release at the end.
 */
import { areaLists, FILL, validateWorkbook } from "../../../src/excel/validate/validateWorkbook";
import { SHEETS, TABLES } from "../../../src/core/shared/layout";
import { anEvaluationWorkbook } from "../support";

describe("the areas Validate fills", () => {
  it("joins consecutive rows of a column into one area, and keeps every list under 255 characters", () => {
    expect(areaLists([{ column: "C", row: 4 }, { column: "C", row: 5 }, { column: "C", row: 6 }, { column: "E", row: 9 }, { column: "C", row: 8 }])).toEqual(["C4:C6,C8,E9"]);
    const scattered = Array.from({ length: 2_000 }, (_, i) => ({ column: "D", row: 4 + 2 * i }));
    const lists = areaLists(scattered);
    expect(lists.every((l) => l.length <= 255)).toBe(true);
    expect(lists.join(",").split(",")).toHaveLength(2_000);
  });
});

describe("marking 1,000 faulty cells among 2,000 rows", () => {
  it("fills exactly the faulty cells, in a few small requests", async () => {
    // Every other row has a unit the add-in does not know (an error on the Unit cell).
    const rows = Array.from({ length: 2_000 }, (_, i) => [`Bidder ${i % 40}`, "ILL9", i % 2 === 0 ? "parsecs" : "hours", 1 + (i % 30)]);
    const { fake, run } = await anEvaluationWorkbook(rows);
    fake.resetStats();
    const { result } = await validateWorkbook(run);
    expect(result.findings.filter((f) => f.column === "Unit" && f.severity === "error")).toHaveLength(1_000);

    const table = fake.inspect.table(TABLES.commitments)!;
    const unit = String.fromCharCode(65 + table.headers.indexOf("Unit"));
    const sheet = `'${SHEETS.commitments}'!`;
    expect(fake.inspect.format(`${sheet}${unit}4`).fill).toBe(FILL.error);
    expect(fake.inspect.format(`${sheet}${unit}5`).fill ?? null).toBeNull();
    expect(fake.inspect.format(`${sheet}${unit}2002`).fill).toBe(FILL.error);
    expect(fake.inspect.format(`${sheet}${unit}2003`).fill ?? null).toBeNull();

    expect(fake.stats.membersUsed).toContain("Worksheet.getRanges");
    const sent = fake.stats.requestBytes.reduce((a, b) => a + b, 0);
    // The Status text of 2,000 rows and about 70 address lists: about 0.3 MB. A fill command per
    // cell sent 2.8 MB here (2.5 MB of writes, then 0.3 MB releasing a range object per cell).
    expect(sent).toBeLessThan(500_000);
    expect(fake.stats.maxRequestBytes).toBeLessThan(5 * 1024 * 1024);
  });
});
