/**
 * The requirement sets manifest.xml declares are what the add-in calls (issue #14, item 8). A
 * whole evaluation — insert, commitments, validate, scores, measure update, marking, moderation,
 * sign-off, Verify and the three reports — is run once to see every Office.js member it reaches
 * (each member's set from the [Api set] tags of @types/office-js), and again on a host offering
 * only the declared sets (`min-api`: anything above fails with ApiNotFound, as in an Excel that
 * lacks it).
 */
import { createWorkbookActions } from "../../../src/excel/actions";
import { ILLUSTRATIVE, measureTableFromFramework } from "../../../src/core";
import { compareVersions, highestSets, manifestRequirementSets } from "../../excelHost/apiSets";
import type { ExcelHostOptions } from "../../excelHost";
import { allAgreed } from "../moderation/moderationSupport";
import { REQUIRED_SETS } from "../../../src/taskpane/host";
import { aPlanInput, anEvaluationWorkbook } from "../support";
import type { ReadForm } from "../../../src/forms/types";

const TENDER = "T-SETS";

function aForm(bidder: string): ReadForm {
  return {
    fileName: `${bidder}.xlsx`,
    tenderId: TENDER,
    formVersion: 1,
    bidder,
    commitments: [{ formRow: 5, ref: "ILL9", unit: "hours", quantity: 120, baseline: null, actions: "Mentoring", verification: "Timesheets" }],
    answers: [{ criterion: "Q1", answer: `${bidder} will train local people.` }],
    offers: [{ recipient: "School", organisation: "Hillside Primary", offer: "Reading mentors", hours: 20, value: null }],
    notes: [],
  };
}

/** The Bids and Validate pages' actions on a fresh workbook: forms, a measure table, the selection, go to a cell. */
async function bidsAndValidate(hostOptions: ExcelHostOptions = {}) {
  const wb = await anEvaluationWorkbook([], aPlanInput({ tenderId: TENDER }), hostOptions);
  const actions = createWorkbookActions(wb.run);
  await actions.readFormTender();
  const forms = [aForm("Acme Ltd"), aForm("Birch Homes")];
  await actions.previewFormImport(forms);
  await actions.importForms(forms, []);
  await actions.importForms([aForm("Acme Ltd")], ["Acme Ltd"]);
  const measures = measureTableFromFramework(ILLUSTRATIVE).map((m) => ({ ...m, proxy: (m.proxy ?? 0) + 1 }));
  await actions.applyMeasureTableImport(await actions.previewMeasureTableImport(measures, "update"));
  await actions.readSelectionGrid();
  const view = await actions.validate();
  await actions.goToCell("SV Commitments", "A4");
  await actions.clearValidation();
  expect(view.rows).toBeGreaterThan(0);
  return wb.fake;
}

async function wholeEvaluation(hostOptions: ExcelHostOptions = {}) {
  const wb = await allAgreed({ hostOptions });
  const actions = createWorkbookActions(wb.run);
  await actions.validate();
  await actions.readScores();
  await actions.applyMeasureUpdate(await actions.previewMeasureUpdate(measureTableFromFramework(ILLUSTRATIVE)));
  expect((await actions.reviewSignOff()).open).toEqual([]);
  await actions.signOff("Dana Lead");
  expect((await actions.verify()).status).toBe("intact");
  await actions.buildSummaries();
  await actions.buildReport();
  await actions.buildRegister();
  return wb.fake;
}

describe("the requirement sets manifest.xml declares", () => {
  it("are the highest ExcelApi version a whole evaluation needs, and name the members that need it", async () => {
    const used = new Set([...(await wholeEvaluation()).stats.membersUsed, ...(await bidsAndValidate()).stats.membersUsed]);
    const needed = highestSets(used).get("ExcelApi");
    const declared = manifestRequirementSets().ExcelApi ?? "1.1";
    expect(needed).toBeDefined();
    expect(compareVersions(declared, needed?.version ?? "1.1")).toBe(0);
    // README "Requirements" names them; if this changes, so must the README and the manifest.
    expect(needed).toEqual({ version: "1.13", members: ["Table.resize"] });
  });

  it("are enough: the whole evaluation runs on an Excel offering nothing above them", async () => {
    await expect(wholeEvaluation({ profile: "min-api" })).resolves.toBeDefined();
    await expect(bidsAndValidate({ profile: "min-api" })).resolves.toBeDefined();
  });

  it("include the shared runtime the pane and the functions share", () => {
    expect(manifestRequirementSets()).toMatchObject({ SharedRuntime: "1.1" });
  });

  it("are the ones the pane checks at run time (REQUIRED_SETS), so the two never drift", () => {
    const declared = manifestRequirementSets();
    expect(Object.fromEntries(REQUIRED_SETS.map((s) => [s.name, s.version]))).toEqual(Object.fromEntries(Object.entries(declared).filter(([name]) => name !== "DefaultMinVersion")));
  });
});
