/**
 * An illustrative measure set with proxy values, for demonstrations and tests only. It is
 * flagged `illustrative` so the product labels it wherever it appears, and it must never be
 * presented as an official framework (DESIGN.md, "Frameworks and proxy values").
 *
 * Sources of each figure:
 * - £16.93 per volunteering hour and £101 per expert hour: Essex County Council (DOMAIN.md,
 *   "Essex (ECC TOMs)").
 * - Every other proxy is a round figure made up for this set, and says so in its
 *   proxySource. None is taken from the National TOMs, whose values are licensed
 *   (CC BY-NC-ND, DOMAIN.md).
 * - Theme names follow the National TOMs' Jobs / Growth / Social / Environment headings
 *   (DOMAIN.md); the measures are written for this set and cover every unit the product knows.
 */
import type { Framework } from "./schema";

const MADE_UP = "Illustrative figure, not an official proxy.";
const ESSEX_VOLUNTEERING_HOUR = "Illustrative. Public source: Essex County Council values a volunteering hour at £16.93.";
const ESSEX_EXPERT_HOUR = "Illustrative. Public source: Essex County Council values an expert hour at £101.00.";

export const ILLUSTRATIVE: Framework = {
  id: "illustrative",
  name: "Illustrative measure set (demonstration only, not official proxy values)",
  version: "1",
  illustrative: true,
  source: {
    title: "Illustrative measure set for demonstrations and tests",
    publisher: "This add-in",
  },
  policy: {
    thresholds: [{ category: "any", minValue: 100_000 }],
    minWeighting: 0.1,
    maxWeighting: 0.2,
    targetReturn: 0.25,
    note: "Settings for demonstrations. Use your council's own framework and licensed proxy values for a real tender.",
  },
  themes: [
    {
      id: "jobs",
      name: "Jobs",
      outcomes: [
        {
          id: "jobs-local",
          name: "More local people in work and training",
          measures: [
            {
              ref: "ILL1",
              description: "Local people employed on the contract",
              unit: "FTE",
              proxy: 20_000,
              proxySource: MADE_UP,
              type: "LEV",
              guidance: "Count FTE × years on the contract.",
            },
            {
              ref: "ILL2",
              description: "Long-term unemployed people hired for the contract",
              unit: "people",
              proxy: 5_000,
              proxySource: MADE_UP,
              type: "SV",
              firstYearOnly: true,
              excludes: ["ILL3"],
              guidance: "First year only. A person counts under ILL2 or ILL3, never both.",
            },
            {
              ref: "ILL3",
              description: "Young people not in education, employment or training hired for the contract",
              unit: "people",
              proxy: 5_000,
              proxySource: MADE_UP,
              type: "SV",
              firstYearOnly: true,
              excludes: ["ILL2"],
              guidance: "First year only. A person counts under ILL2 or ILL3, never both.",
            },
            {
              ref: "ILL4",
              description: "Weeks of apprenticeship provided on the contract",
              unit: "weeks",
              proxy: 200,
              proxySource: MADE_UP,
              type: "SV",
            },
            {
              ref: "ILL5",
              description: "Employability workshops for unemployed residents",
              unit: "attendee-hours",
              proxy: 10,
              proxySource: MADE_UP,
              type: "SV",
              guidance: "Hours of workshop multiplied by the number of people attending.",
            },
            {
              ref: "ILL6",
              description: "Share of the contract workforce who live locally",
              unit: "percent",
              proxy: null,
              type: "Record",
              guidance: "Reported for monitoring only; it adds no £ value.",
            },
          ],
        },
      ],
    },
    {
      id: "growth",
      name: "Growth",
      outcomes: [
        {
          id: "growth-local-business",
          name: "Local businesses and VCSEs grow through the contract",
          measures: [
            {
              ref: "ILL7",
              description: "Contract spend with local suppliers",
              unit: "GBP",
              proxy: 0.5,
              proxySource: MADE_UP,
              type: "LEV",
              excludes: ["ILL8"],
              guidance: "The same £ counts under ILL7 or ILL8, not both.",
            },
            {
              ref: "ILL8",
              description: "Contract spend with local small and medium-sized enterprises",
              unit: "GBP",
              proxy: 0.5,
              proxySource: MADE_UP,
              type: "LEV",
              excludes: ["ILL7"],
              guidance: "The same £ counts under ILL7 or ILL8, not both.",
            },
            {
              ref: "ILL9",
              description: "Expert business advice given to local VCSEs and small businesses",
              unit: "hours",
              proxy: 101,
              proxySource: ESSEX_EXPERT_HOUR,
              type: "SV",
            },
          ],
        },
      ],
    },
    {
      id: "social",
      name: "Social",
      outcomes: [
        {
          id: "social-communities",
          name: "Stronger, more resilient local communities",
          measures: [
            {
              ref: "ILL10",
              description: "Staff volunteering hours for local community groups",
              unit: "hours",
              proxy: 16.93,
              proxySource: ESSEX_VOLUNTEERING_HOUR,
              type: "SV",
              evidenceRequired: true,
              guidance: "Attach or describe the evidence: the groups supported and how hours will be logged.",
            },
            {
              ref: "ILL11",
              description: "Community projects funded or run with local groups",
              unit: "count",
              proxy: 500,
              proxySource: MADE_UP,
              type: "SV",
            },
          ],
        },
      ],
    },
    {
      id: "environment",
      name: "Environment",
      outcomes: [
        {
          id: "environment-carbon-waste",
          name: "Lower carbon emissions and less waste",
          measures: [
            {
              ref: "ILL12",
              description: "Carbon emissions saved on the contract",
              unit: "tCO2e",
              proxy: 200,
              proxySource: MADE_UP,
              type: "SV",
              evidenceRequired: true,
              guidance: "Attach or describe the evidence: the baseline and how savings will be measured.",
            },
            {
              ref: "ILL13",
              description: "Waste diverted from landfill",
              unit: "tonnes",
              proxy: 100,
              proxySource: MADE_UP,
              type: "SV",
            },
            {
              ref: "ILL14",
              description: "Single-use plastic avoided",
              unit: "kg",
              proxy: 0.5,
              proxySource: MADE_UP,
              type: "SV",
            },
          ],
        },
      ],
    },
  ],
  criteria: [
    {
      id: "ILL-Q1",
      question: "How will you deliver the commitments in your social value offer on this contract?",
    },
    {
      id: "ILL-Q2",
      question: "How will you measure, evidence and report your delivery, so the council can verify it?",
    },
  ],
};
