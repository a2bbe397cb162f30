/**
 * Validate reads the commitments in one Excel.run and marks them in another. A co-author who
 * sorts, inserts, deletes or edits rows in between would put one row's Status and fills on
 * another row. Validate checks the rows' keys in the request that marks them: if they moved, it
 * takes its marks off again and says so; nothing is left on the wrong row.
 */
import { ChangedSinceReadError } from "../../../src/excel/shared/refusal";
import { FILL, validateWorkbook } from "../../../src/excel/validate/validateWorkbook";
import { SHEETS, STATUS_HEADER, TABLES } from "../../../src/core/shared/layout";
import type { ExcelRun } from "../../../src/excel/shared/excelRun";
import type { ExcelHost } from "../../excelHost";
import type { CoAuthor } from "../../excelHost/coauthor";
import { anEvaluationWorkbook } from "../support";

/** A run whose `n`th Excel.run lets the co-author act first: n = 2 is the marking after the read. */
function runWithCoAuthor(host: ExcelHost, run: ExcelRun, n: number, edit: (co: CoAuthor) => void): ExcelRun {
  let calls = 0;
  return (batch) => {
    if (++calls === n) host.coauthor.beforeNextRequest(edit);
    return run(batch);
  };
}

const ROWS = [
  ["Acme Ltd", "ILL9", "parsecs", 10],
  ["Birch Homes", "ILL9", "hours", 20],
  ["Cobalt Ltd", "ILL4", "weeks", 30],
];

function marks(fake: ExcelHost) {
  const t = fake.inspect.table(TABLES.commitments)!;
  const values = fake.inspect.values(t.dataBodyAddress);
  const unit = String.fromCharCode(65 + t.headers.indexOf("Unit"));
  const status = t.headers.indexOf(STATUS_HEADER);
  return values.map((r, i) => ({ bidder: r[0], status: status >= 0 ? r[status] : "", fill: fake.inspect.format(`'${SHEETS.commitments}'!${unit}${4 + i}`).fill ?? null }));
}

describe("Validate with a co-author at work", () => {
  it("marks the faulty row when no one moved anything", async () => {
    const { fake, run } = await anEvaluationWorkbook(ROWS);
    await validateWorkbook(run);
    expect(marks(fake).map((m) => [m.bidder, m.fill])).toEqual([
      ["Acme Ltd", FILL.error],
      ["Birch Homes", null],
      ["Cobalt Ltd", null],
    ]);
  });

  it.each<[string, (co: CoAuthor) => void]>([
    ["sorted by Bidder, descending", (co) => co.sortTable(TABLES.commitments, "Bidder", false)],
    ["deleted a row", (co) => co.deleteRows(SHEETS.commitments, 4)],
    ["typed a new quantity", (co) => co.type(`'${SHEETS.commitments}'!E5`, 99)],
    ["inserted a row at the foot", (co) => co.insertRows(SHEETS.commitments, 6)],
  ])("when the co-author %s between the read and the marking, takes every mark off and says so", async (_what, edit) => {
    const { fake, run } = await anEvaluationWorkbook(ROWS);
    const refused = await validateWorkbook(runWithCoAuthor(fake, run, 2, edit)).then(() => undefined, (e: unknown) => e);
    expect(refused).toBeInstanceOf(ChangedSinceReadError);
    expect(String(refused)).toMatch(/changed while Validate was marking it.*Run Validate again/);
    for (const m of marks(fake)) {
      expect(m.fill).toBeNull();
      expect(m.status ?? "").toBe("");
    }
  });
});
