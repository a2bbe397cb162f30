/**
 * The UK Government Social Value Model as PPN 002 sets it: the current version, eight
 * outcomes, scored qualitatively on the outcomes the buyer selects for the contract.
 *
 * What each figure and list rests on (DOMAIN.md, "PPN 002" paragraph, unless said otherwise):
 * - The eight outcomes, in PPN 002's order: fair work; skills for growth; resilient,
 *   innovative and flexible supply chains; sustainable procurement practices; reduction in
 *   crime; employment and training for those who face barriers to employment; reducing
 *   barriers to entry for under-represented groups; increasing productivity through physical
 *   and mental wellbeing. DOMAIN.md notes two secondary sources and a Commons paraphrase agree.
 * - Themes: the outcomes are aligned to the government's five missions, but DOMAIN.md does not
 *   say which outcome serves which mission, so there is no grouping to copy. The outcomes sit
 *   under one theme rather than a guessed one.
 * - Published 13 February 2025 (`source.date`); mandatory for central government from
 *   1 October 2025 (`mandatoryFor`, and PPN 06/20's `appliesUntil` of 30 September 2025 in
 *   socialValueModel.ts). `appliesFrom` is 24 February 2025, the day procurements began to
 *   run under the Procurement Act 2023 (DOMAIN.md, "Weighting, thresholds …"), the regime the
 *   note was issued for; a procurement begun before then stays under PCR 2015 and PPN 06/20.
 * - Buyers select the outcomes relevant to the contract (`requiresOutcomeSelection`); the
 *   minimum weighting is 10% (`minWeighting`); a response scores nothing without a specific,
 *   measurable and time-bound commitment (`requiresSmartCommitment`, and each criterion's
 *   guidance; moderation warns when a mark above the lowest rests on none).
 * - No measures: the model is qualitative. Its reporting metrics (about 33) are for contract
 *   monitoring where their outcome is selected, not for scoring, and DOMAIN.md does not list
 *   them. No marking scale is published, so the tender's own scale is used.
 * - Criteria: one per outcome, in this product's words. Only the model award criteria 1a–1e
 *   (under fair work: creating or keeping good-quality jobs, fair working conditions, fair
 *   pay, progression at work, modern-slavery risk) are confirmed; they shape outcome 1's
 *   guidance. The other outcomes' lettered criteria are unconfirmed and are not reproduced.
 */
import type { Criterion, Framework } from "./schema";

export const PPN002_ID = "uk-social-value-model-ppn002";

/**
 * PPN 002's rule, said for the panel: what makes an answer markable at all. Shared by every
 * criterion's guidance so the rule reads the same wherever an evaluator meets it.
 */
export const SMART_COMMITMENT_RULE =
  "Under PPN 002 an answer earns nothing unless it commits to something specific, measurable and time-bound: what will be done, how much (a figure), and by when (a date or period in the contract). Delivered through this contract, not as general company policy.";

const OUTCOMES: readonly { name: string; question: string; focus?: string }[] = [
  {
    name: "Fair work",
    question: "What good-quality jobs will this contract create or keep, and how will you make the work on it fair?",
    focus:
      "The model's award criteria for this outcome cover creating or keeping good-quality jobs, fair working conditions, fair pay, progression at work, and managing the risk of modern slavery.",
  },
  { name: "Skills for growth", question: "What skills, training and qualifications will people gain through this contract, and how many?" },
  {
    name: "Resilient, innovative and flexible supply chains",
    question: "How will you make the supply chain for this contract more resilient, innovative and flexible, and open to smaller suppliers?",
  },
  {
    name: "Sustainable procurement practices",
    question: "How will you cut the environmental impact of this contract and its supply chain, and by how much?",
  },
  { name: "Reduction in crime", question: "How will your delivery of this contract help reduce crime or its effects?" },
  {
    name: "Employment and training for those who face barriers to employment",
    question: "How many people facing barriers to work will you employ or train through this contract, and how?",
  },
  {
    name: "Reducing barriers to entry for under-represented groups",
    question: "How will you lower the barriers that keep under-represented groups out of the work or the supply chain of this contract?",
  },
  {
    name: "Increasing productivity through physical and mental wellbeing",
    question: "How will you support the physical and mental wellbeing of the people delivering this contract, and what difference will it make?",
  },
];

const outcomeId = (n: number): string => `PPN002-O${n}`;

function criterion(n: number, question: string, focus: string | undefined): Criterion {
  return {
    id: `PPN002-Q${n}`,
    outcomeId: outcomeId(n),
    question,
    guidance: focus === undefined ? SMART_COMMITMENT_RULE : `${focus} ${SMART_COMMITMENT_RULE}`,
  };
}

export const PPN002: Framework = {
  id: PPN002_ID,
  name: "UK Government Social Value Model (PPN 002)",
  version: "2025.1",
  source: {
    title: "Procurement Policy Note 002 (PPN 002): the Social Value Model",
    publisher: "Cabinet Office",
    date: "13 February 2025",
  },
  appliesFrom: "2025-02-24",
  policy: {
    minWeighting: 0.1,
    requiresOutcomeSelection: true,
    requiresSmartCommitment: true,
    mandatoryFor: ["central"],
    note:
      "Qualitative: select the outcomes relevant to the contract and mark the answers to them, at a weighting of at least 10% of the total score. An answer without a specific, measurable and time-bound commitment scores nothing. Mandatory for central government from 1 October 2025; a council may choose it.",
  },
  themes: [
    {
      id: "outcomes",
      name: "Social value outcomes",
      outcomes: OUTCOMES.map((o, i) => ({ id: outcomeId(i + 1), name: o.name, measures: [] })),
    },
  ],
  criteria: OUTCOMES.map((o, i) => criterion(i + 1, o.question, o.focus)),
};
