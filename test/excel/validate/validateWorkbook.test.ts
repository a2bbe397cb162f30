import { clearValidation, FILL, selectCell, validateWorkbook } from "../../../src/excel/validate/validateWorkbook";
import { STATUS_HEADER } from "../../../src/core/shared/layout";
import { SHEETS, TABLES } from "../../../src/core/shared/layout";
import { readEvaluation, WorkbookNotSetUpError } from "../../../src/excel/setup/readEvaluation";
import { aFakeWorkbook, anEvaluationWorkbook } from "../support";

const ROWS = [
  ["Acme Care", "ILL9", "hours", 120],
  ["Acme Care", "ILL10", "tonnes", 40], // unit mistake (SV108) in the Unit column
  ["Birch Homes", "ILL9", "hrs", 80],
  ["Birch Homes", "ILL9", "hours", 10], // same bidder and measure twice (SV201)
  ["Cura Ltd", "ILL99", "hours", 5], // unknown measure (SV103)
  ["Cura Ltd", "ILL10", "hours", -3], // negative quantity (SV112)
];

function columnOf(fake: Awaited<ReturnType<typeof anEvaluationWorkbook>>["fake"], header: string): string {
  const table = fake.inspect.tables().find((t) => t.name === TABLES.commitments)!;
  return String.fromCharCode(65 + table.headers.indexOf(header));
}

describe("validating the commitments in the workbook", () => {
  it("reports every faulty row with its code", async () => {
    const { run } = await anEvaluationWorkbook(ROWS);
    const { result } = await validateWorkbook(run);
    const codes = result.findings.filter((f) => f.severity !== "info").map((f) => [f.row, f.code]);
    expect(codes).toEqual(expect.arrayContaining([[5, "SV108"], [7, "SV201"], [8, "SV103"], [9, "SV112"]]));
    expect(result.counts.error).toBeGreaterThanOrEqual(4);
  });

  it("fills exactly the faulty cells, by severity", async () => {
    const { fake, run } = await anEvaluationWorkbook(ROWS);
    await validateWorkbook(run);
    const sheet = `'${SHEETS.commitments}'!`;
    expect(fake.inspect.format(`${sheet}${columnOf(fake, "Unit")}5`).fill).toBe(FILL.error);
    expect(fake.inspect.format(`${sheet}${columnOf(fake, "Ref")}8`).fill).toBe(FILL.error);
    expect(fake.inspect.format(`${sheet}${columnOf(fake, "Quantity")}9`).fill).toBe(FILL.error);
    // Good cells keep no fill.
    for (const h of ["Bidder", "Ref", "Unit", "Quantity"]) expect(fake.inspect.format(`${sheet}${columnOf(fake, h)}4`).fill).toBeNull();
  });

  it("writes each row's findings into a Status column every co-author sees", async () => {
    const { fake, run } = await anEvaluationWorkbook(ROWS);
    await validateWorkbook(run);
    const status = columnOf(fake, STATUS_HEADER);
    const sheet = `'${SHEETS.commitments}'!`;
    expect(fake.inspect.value(`${sheet}${status}4`)).toBe("");
    expect(String(fake.inspect.value(`${sheet}${status}5`))).toMatch(/^SV108 Unit: /);
  });

  it("gives the same marks when run twice (idempotent)", async () => {
    const { fake, run } = await anEvaluationWorkbook(ROWS);
    await validateWorkbook(run);
    const table = () => fake.inspect.tables().find((t) => t.name === TABLES.commitments)!;
    const first = { headers: table().headers, values: fake.inspect.values(table().dataBodyAddress) };
    await validateWorkbook(run);
    expect({ headers: table().headers, values: fake.inspect.values(table().dataBodyAddress) }).toEqual(first);
  });

  it("clears a fixed cell's mark when validated again", async () => {
    const { fake, run } = await anEvaluationWorkbook(ROWS);
    await validateWorkbook(run);
    const unit = `'${SHEETS.commitments}'!${columnOf(fake, "Unit")}5`;
    await run(async (context) => {
      context.workbook.worksheets.getItem(SHEETS.commitments).getRange(unit.split("!")[1]).values = [["hours"]];
      await context.sync();
    });
    await validateWorkbook(run);
    expect(fake.inspect.format(unit).fill).toBeNull();
  });

  it("keeps every request under 5 MB, in a handful of requests, for 10,000 rows with a fault on most", async () => {
    const rows = Array.from({ length: 10_000 }, (_, i) => [`Bidder ${i % 50}`, `ILL${1 + (i % 14)}`, "", i % 7]);
    const { fake, run } = await anEvaluationWorkbook(rows);
    await validateWorkbook(run);
    // Read (2), then the marks in as many requests as 5 MB needs on Microsoft's serializer (a
    // fill is 560-800 bytes there), then Excel.run's release of the ranges it kept.
    expect(fake.stats.requests).toBeLessThanOrEqual(8);
    expect(fake.stats.maxRequestBytes).toBeLessThan(5 * 1024 * 1024);
  });

  it("clearValidation removes the fills and the status text", async () => {
    const { fake, run } = await anEvaluationWorkbook(ROWS);
    await validateWorkbook(run);
    await clearValidation(run);
    const sheet = `'${SHEETS.commitments}'!`;
    expect(fake.inspect.format(`${sheet}${columnOf(fake, "Unit")}5`).fill).toBeNull();
    expect(fake.inspect.value(`${sheet}${columnOf(fake, STATUS_HEADER)}5`)).toBe("");
  });

  it("never changes what the user typed", async () => {
    const { fake, run } = await anEvaluationWorkbook(ROWS);
    const table = fake.inspect.tables().find((t) => t.name === TABLES.commitments)!;
    const inputs = ["Bidder", "Ref", "Unit", "Quantity"].map((h) => columnOf(fake, h));
    const read = () => inputs.map((c) => fake.inspect.values(`'${SHEETS.commitments}'!${c}4:${c}9`));
    const before = read();
    await validateWorkbook(run);
    expect(read()).toEqual(before);
    expect(table.name).toBe(TABLES.commitments);
  });

  it("takes the user to a finding's cell", async () => {
    const { fake, run } = await anEvaluationWorkbook(ROWS);
    const v = await validateWorkbook(run);
    const unknown = v.result.findings.find((f) => f.code === "SV103")!;
    const { sheet, address } = v.cellOf(unknown);
    await selectCell(run, sheet, address);
    expect(fake.inspect.selection()).toBe(`'${SHEETS.commitments}'!${columnOf(fake, "Ref")}8`);
  });

  it("says plainly when the workbook has no evaluation yet", async () => {
    const { run } = aFakeWorkbook();
    await expect(readEvaluation(run)).rejects.toBeInstanceOf(WorkbookNotSetUpError);
  });
});
