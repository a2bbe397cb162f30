/**
 * Every built-in framework, as a newcomer tries it (README: Set up, Load sample bids, Validate,
 * Scores): the sheet's Check, Value and score come out the same on Excel on the web and on a
 * desktop build that passes empty cells as 0, and no Check or Value cell shows an error value.
 * (What each framework's scores should be is issue #15; this holds the two Excels together.)
 */
import { BUILT_IN_FRAMEWORKS, measureTableFromFramework } from "../../../src/core";
import { loadSampleBids } from "../../../playground/sampleBids";
import { validateWorkbook } from "../../../src/excel/validate/validateWorkbook";
import { TABLES } from "../../../src/core/shared/layout";
import type { ProfileName } from "../../excelHost";
import { aPlanInput, anEvaluationWorkbook, tableCells } from "../support";

async function sheetAfterSampleBids(framework: (typeof BUILT_IN_FRAMEWORKS)[number], profile: ProfileName) {
  const { fake, run } = await anEvaluationWorkbook([], aPlanInput({ frameworkName: framework.name, measures: measureTableFromFramework(framework), criteria: framework.criteria, tenderId: `T-${framework.id}` }), { profile });
  await loadSampleBids(run);
  await validateWorkbook(run);
  return {
    commitments: tableCells(fake, TABLES.commitments, ["Ref", "Value", "Check"]).map((r) => [r.Ref?.value, r.Value?.value, r.Check?.value]),
    scores: tableCells(fake, TABLES.scores, ["Bidder", "Value", "Score", "Rank"]).filter((r) => r.Bidder?.value !== "").map((r) => [r.Bidder?.value, r.Value?.value, r.Score?.value, r.Rank?.value]),
  };
}

describe.each(BUILT_IN_FRAMEWORKS.map((f) => [f.id, f] as const))("the %s framework", (_id, framework) => {
  it("gives the same Check, Value and scores whichever way Excel passes empty cells, with no error value", async () => {
    const web = await sheetAfterSampleBids(framework, "web");
    const legacy = await sheetAfterSampleBids(framework, "desktop-legacy");
    expect(legacy).toEqual(web);
    for (const [, value, check] of web.commitments) {
      expect(String(value)).not.toMatch(/^#/);
      expect(String(check)).not.toMatch(/^#/);
    }
  }, 60_000);
});
