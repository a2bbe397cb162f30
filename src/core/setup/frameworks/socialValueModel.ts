/**
 * The UK Government Social Value Model (PPN 06/20): five themes and eight policy outcomes,
 * scored qualitatively.
 *
 * Sources of each figure: DOMAIN.md, "UK Government Social Value Model" — Cabinet Office,
 * Open Government Licence, in force from 1 January 2021; themes and policy outcomes as
 * numbered there; qualitative; minimum weighting 10% of the total score.
 * - No measures: the model's 52 reporting metrics serve contract management, not scoring, so
 *   each outcome's measure list is empty and each outcome has one criterion.
 * - The questions are this product's wording, framed on the model's outcomes.
 * - Dated: PPN 002 (ppn002.ts) replaces this version, mandatory for central government from
 *   1 October 2025 (DOMAIN.md), so it applies to procurements begun up to 30 September 2025
 *   (`appliesUntil`). Kept for procurements begun under it, and for councils that choose it:
 *   the dates bind central government only (`mandatoryFor`).
 */
import { PPN002_ID } from "./ppn002";
import type { Criterion, Framework } from "./schema";

const SPECIFIC =
  "Look for commitments that are specific, measurable and tied to dates, delivered through this contract rather than as general company policy.";

function criterion(outcome: number, question: string): Criterion {
  return { id: `SVM-Q${outcome}`, outcomeId: `PO${outcome}`, question, guidance: SPECIFIC };
}

export const SOCIAL_VALUE_MODEL: Framework = {
  id: "uk-social-value-model",
  name: "UK Government Social Value Model (PPN 06/20)",
  version: "2021.1",
  source: {
    title: "Procurement Policy Note 06/20: the Social Value Model",
    publisher: "Cabinet Office",
    date: "in force from 1 January 2021",
  },
  appliesFrom: "2021-01-01",
  appliesUntil: "2025-09-30",
  supersededBy: PPN002_ID,
  policy: {
    minWeighting: 0.1,
    mandatoryFor: ["central"],
    note:
      "The earlier version, for procurements begun under it: PPN 002 replaced it for central government from 1 October 2025. Qualitative: answers are marked against the chosen policy outcomes, at a weighting of at least 10% of the total score. Choose the outcomes relevant to the contract.",
  },
  themes: [
    {
      id: "T1",
      name: "COVID-19 recovery",
      outcomes: [{ id: "PO1", name: "Help local communities to manage and recover from the impact of COVID-19", measures: [] }],
    },
    {
      id: "T2",
      name: "Tackling economic inequality",
      outcomes: [
        { id: "PO2", name: "Create new businesses, new jobs and new skills", measures: [] },
        { id: "PO3", name: "Increase supply chain resilience and capacity", measures: [] },
      ],
    },
    {
      id: "T3",
      name: "Fighting climate change",
      outcomes: [{ id: "PO4", name: "Effective stewardship of the environment", measures: [] }],
    },
    {
      id: "T4",
      name: "Equal opportunity",
      outcomes: [
        { id: "PO5", name: "Reduce the disability employment gap", measures: [] },
        { id: "PO6", name: "Tackle workforce inequality", measures: [] },
      ],
    },
    {
      id: "T5",
      name: "Wellbeing",
      outcomes: [
        { id: "PO7", name: "Improve health and wellbeing", measures: [] },
        { id: "PO8", name: "Improve community cohesion", measures: [] },
      ],
    },
  ],
  criteria: [
    criterion(1, "How will your delivery of this contract help local communities manage and recover from the effects of COVID-19?"),
    criterion(2, "What new businesses, jobs and skills will this contract create, and for whom?"),
    criterion(3, "How will you make the supply chain for this contract more resilient and build the capacity of smaller suppliers within it?"),
    criterion(4, "How will you protect and improve the environment, and cut greenhouse gas emissions, in delivering this contract?"),
    criterion(5, "How will you help disabled people into work, and keep them in work, through this contract?"),
    criterion(6, "How will you tackle inequality in pay, progression and representation in the workforce delivering this contract?"),
    criterion(7, "How will you support the physical and mental health and wellbeing of the people delivering this contract and the community it serves?"),
    criterion(8, "How will your delivery of this contract bring communities together and strengthen cohesion?"),
  ],
};
