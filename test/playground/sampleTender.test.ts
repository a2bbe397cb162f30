import { loadSampleTender } from "../../playground/sampleTender";
import { validateWorkbook } from "../../src/excel/validate/validateWorkbook";
import { readScores } from "../../src/excel/scores/readScores";
import { TABLES } from "../../src/core/shared/layout";
import type { ExcelRun } from "../../src/excel/shared/excelRun";
import { createExcelHost } from "../excelHost";

describe("the playground's sample tender", () => {
  it("loads in one click: the illustrative evaluation, three bidders and exactly one unit mistake", async () => {
    const fake = createExcelHost();
    const run = fake.run as unknown as ExcelRun;
    const result = await loadSampleTender(run);
    expect(result.status).toBe("loaded");
    expect(fake.inspect.tables().map((t) => t.name)).toEqual(expect.arrayContaining([TABLES.measures, TABLES.commitments, TABLES.scores, TABLES.criteria, TABLES.marks, TABLES.consensus]));
    const { result: validation } = await validateWorkbook(run);
    const errors = validation.findings.filter((f) => f.severity === "error");
    expect(errors.map((f) => f.code)).toEqual(["SV108"]);
    const scores = await readScores(run);
    expect(scores.bidders.map((b) => b.bidder).sort()).toEqual(["Acme Care Ltd", "Birch Homes", "Cura Partnership"]);
  });

  it("refuses, changing nothing, when the workbook already has an evaluation", async () => {
    const fake = createExcelHost();
    const run = fake.run as unknown as ExcelRun;
    await loadSampleTender(run);
    const before = fake.inspect.tables().map((t) => fake.inspect.values(t.address));
    const again = await loadSampleTender(run);
    expect(again.status).toBe("refused");
    expect(fake.inspect.tables().map((t) => fake.inspect.values(t.address))).toEqual(before);
  });
});
