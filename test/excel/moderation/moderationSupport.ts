/** Shared set-up for the moderation and sign-off tests: a tender with three evaluators, two bids and two criteria. */
import { aPlanInput, anEvaluationWorkbook } from "../support";
import { aTender } from "../../support/scoringBuilders";
import { createModerationActions, type MarkInput } from "../../../src/excel/moderation/moderationActions";
import type { ExcelHost, ExcelHostOptions } from "../../excelHost";
import type { RollUp } from "../../../src/core";

export const CRITERIA = [
  { id: "Q1", question: "How will you deliver local training and employment?" },
  { id: "Q2", question: "How will delivery be measured and verified?" },
];
export const BIDDERS = ["Acme Ltd", "Birch Homes"];
export const COMMITMENTS = [
  ["Acme Ltd", "ILL9", "hours", 120],
  ["Birch Homes", "ILL9", "hours", 80],
];

export async function aMarkingWorkbook(options: { blindMarking?: boolean; commitments?: unknown[][]; hostOptions?: ExcelHostOptions; rollUp?: RollUp; tenderSaysAveraged?: boolean } = {}) {
  const wb = await anEvaluationWorkbook(
    options.commitments ?? COMMITMENTS,
    aPlanInput({
      settings: aTender({ evaluators: ["Ann", "Ben", "Cat"], moderationThreshold: 1, ...(options.rollUp !== undefined ? { rollUp: options.rollUp } : {}) }),
      criteria: CRITERIA,
      bidders: BIDDERS,
      blindMarking: options.blindMarking ?? false,
      tenderSaysAveraged: options.tenderSaysAveraged ?? false,
    }),
    options.hostOptions
  );
  return { ...wb, actions: createModerationActions(wb.run) };
}

export function rowsOf(fake: ExcelHost, table: string): Record<string, unknown>[] {
  const t = fake.inspect.table(table);
  if (!t) throw new Error(`no ${table}`);
  return fake.inspect.values(t.dataBodyAddress).map((r) => Object.fromEntries(t.headers.map((h, i) => [h, r[i]])));
}

export const m = (bidder: string, criterion: string, mark: number | null, comment = ""): MarkInput => ({ bidder, criterion, mark, comment });

/** Ann, Ben and Cat's marks: Acme Q1 spread 2 (flagged), Acme Q2 spread 1 (= threshold, not flagged). */
export const PANEL_MARKS: Record<string, MarkInput[]> = {
  Ann: [m("Acme Ltd", "Q1", 3, "Partners named"), m("Acme Ltd", "Q2", 4), m("Birch Homes", "Q1", 2), m("Birch Homes", "Q2", 2)],
  Ben: [m("Acme Ltd", "Q1", 5), m("Acme Ltd", "Q2", 3), m("Birch Homes", "Q1", 2), m("Birch Homes", "Q2", 3)],
  Cat: [m("Acme Ltd", "Q1", 4), m("Acme Ltd", "Q2", 4), m("Birch Homes", "Q1", 2), m("Birch Homes", "Q2", 2)],
};

export const RATIONALES: Record<string, string> = {
  // The panel settles on Cat's 4 over Ann's 3 and Ben's 5, so the rationale points to the bid (Braceurself).
  "Acme Ltd|Q1": "Three named local training partners and a committed 120 hours of mentoring (section 2 of the answer) meet the criterion well; start dates are given.",
  "Acme Ltd|Q2": "Quarterly KPI reports with payroll evidence show how delivery will be verified; no independent audit, so good not excellent.",
  "Birch Homes|Q1": "The training offer is generic: no partners, no dates and no local recruitment route, so it only partly meets the criterion.",
  "Birch Homes|Q2": "Measurement relies on self-reporting once a year with no evidence named, which is weak against the verification criterion.",
};

export async function allMarked(options: Parameters<typeof aMarkingWorkbook>[0] = {}) {
  const wb = await aMarkingWorkbook(options);
  await wb.actions.prepareMarking();
  for (const [evaluator, marks] of Object.entries(PANEL_MARKS)) await wb.actions.saveMarks(evaluator, marks);
  return wb;
}

/** Every item agreed with its rationale: ready to sign. */
export async function allAgreed(options: Parameters<typeof aMarkingWorkbook>[0] = {}) {
  const wb = await allMarked(options);
  await wb.actions.openModeration();
  const agreed: Record<string, number> = { "Acme Ltd|Q1": 4, "Acme Ltd|Q2": 4, "Birch Homes|Q1": 2, "Birch Homes|Q2": 2 };
  for (const [key, mark] of Object.entries(agreed)) {
    const [bidder, criterion] = key.split("|") as [string, string];
    const result = await wb.actions.recordConsensus({ bidder, criterion, mark, rationale: RATIONALES[key]!, agreedBy: ["Ann", "Ben", "Cat"] });
    if (!result.ok) throw new Error(`test set-up: ${result.issues.map((i) => i.message).join(" ")}`);
  }
  return wb;
}
