/**
 * Essex County Council's social value framework (ECC TOMs, localised National TOMs).
 *
 * Sources of each figure:
 * - Themes (4) and outcomes (8), weighting up to 20% within quality, target £0.25 per £1 on
 *   tenders of £100,000 and over, and the supplier's "target level, current level, actions":
 *   seed 000 (Essex "Social Value at ECC" page, last updated 5 April 2024).
 * - Scored against a target (`scoringMethod`): seed 001 (2022 award article) reports bids
 *   scored relative to a target of 50p per £1, while seed 000 publishes 25p; the framework
 *   keeps the published 25p and the target stays a setting of each tender.
 * - Which theme each outcome sits under is not stated in seed 000, which lists themes and
 *   outcomes separately; the grouping here is this product's reading (economy → outcomes 1–2;
 *   children and families → 3–5, which cover vulnerable groups, education and safety;
 *   health and independence → 6–7; environment → 8).
 * - Measure refs, descriptions and units: DOMAIN.md, "Essex (ECC TOMs)" table. Only the
 *   measures listed there are included; Essex publishes 43 (seed 000), so councils import
 *   the rest from their calculator workbook. Placement under outcomes is this product's.
 *   DOMAIN.md gives "hours / weeks" for ECC16–19 as a group: support and school visits are
 *   counted in hours of staff time, placements in weeks; their printed labels are not known,
 *   so they carry no unitLabel.
 * - LEV vs SV: seed 002 footnote 2 counts local employment and local supply-chain spend as
 *   local economic value; everything else valued here is social value.
 * - Proxies: Essex publishes only £16.93 per volunteering hour and £101.00 per expert hour
 *   (DOMAIN.md). The two expert-hour measures carry £101; every other proxy is null because
 *   Essex's values come from the licensed National TOMs and councils import their own.
 * - Counting rules (FTE × years, first-year-only disadvantaged hires, never two
 *   disadvantaged measures for one person, local supplier vs local SME spend counted once):
 *   DOMAIN.md, "Counting rules evaluators apply".
 */
import type { Framework, Measure } from "./schema";

const ESSEX_EXPERT_HOUR = 101;
const ESSEX_EXPERT_HOUR_SOURCE = "Essex County Council values an hour of expert staff time at £101.00 (ECC TOMs reporting forms)";

/** A hire from a disadvantaged group: one such measure per person, first year only. */
const DISADVANTAGED_REFS = ["ECC3", "ECC3a", "ECC4", "ECC5", "ECC6", "ECC7"] as const;

const DISADVANTAGED_GUIDANCE =
  "Counts only in the first year of the contract. A person may also count under ECC1 but under only one disadvantaged-group measure.";

function disadvantagedHire(ref: (typeof DISADVANTAGED_REFS)[number], description: string, guidance = DISADVANTAGED_GUIDANCE): Measure {
  return {
    ref,
    description,
    unit: "FTE",
    unitLabel: "no. people FTE",
    proxy: null,
    type: "SV",
    guidance,
    firstYearOnly: true,
    excludes: DISADVANTAGED_REFS.filter((other) => other !== ref),
  };
}

export const ESSEX: Framework = {
  id: "essex",
  name: "Essex County Council (ECC TOMs)",
  version: "2024.1",
  source: {
    title: "Social Value at Essex County Council",
    publisher: "Essex County Council",
    url: "https://www.essexproviderhub.org",
    date: "5 April 2024",
  },
  policy: {
    thresholds: [{ category: "any", minValue: 100_000 }],
    maxWeighting: 0.2,
    targetReturn: 0.25,
    scoringMethod: "target",
    note:
      "Social value is scored within quality, at up to 20%. The published target is 25p of social value per £1 on tenders of £100,000 or more; a 2022 case study reports bids scored against 50p per £1, so set the target per tender. This is a subset of the 43 ECC measures: import the full list and proxy values from your ECC TOMs calculator.",
  },
  themes: [
    {
      id: "T1",
      name: "A strong, inclusive and sustainable economy",
      outcomes: [
        {
          id: "O1",
          name: "More Essex residents in work, with skills gaps closed and barriers to work lowered for disadvantaged groups",
          measures: [
            {
              ref: "ECC1",
              description: "Local people employed or kept on for the contract (FTE), for one year or the length of the contract if shorter",
              unit: "FTE",
              unitLabel: "no. people FTE",
              proxy: null,
              type: "LEV",
              guidance:
                "Count FTE × years. Ten full-time and five half-time staff on a two-year contract are 12.5 FTE × 2 = 25. Someone spending half their time on the contract is 0.5 FTE. Local means living within Essex.",
            },
            {
              ref: "ECC1c",
              description: "Supply-chain staff working on the contract who live locally (FTE)",
              unit: "FTE",
              unitLabel: "no. people FTE",
              proxy: null,
              type: "LEV",
              guidance: "Counted the same way as ECC1, for staff employed by subcontractors.",
            },
            {
              ref: "ECC2",
              description: "Share of the people working on the contract who live locally",
              unit: "percent",
              unitLabel: "%",
              proxy: null,
              type: "Record",
              guidance: "Reported for monitoring only; it adds no £ value.",
            },
            disadvantagedHire("ECC3", "Long-term unemployed people (out of work for a year or more) hired for the contract"),
            disadvantagedHire(
              "ECC3a",
              "Armed forces veterans who were long-term unemployed, hired for the contract through a recognised programme",
            ),
            disadvantagedHire("ECC4", "Young people not in education, employment or training (NEET) hired for the contract"),
            disadvantagedHire(
              "ECC6",
              "Local people with disabilities given jobs on the contract",
              `Counted in addition to ECC1: the same person may appear in both. ${DISADVANTAGED_GUIDANCE}`,
            ),
            {
              ref: "ECC8",
              description: "Career mentoring for unemployed people aged 24 and over",
              unit: "attendee-hours",
              unitLabel: "no. hrs × no. attendees",
              proxy: null,
              type: "SV",
              guidance: "Hours of mentoring multiplied by the number of people attending: 3 hours with 10 people is 30.",
            },
            {
              ref: "ECC9",
              description: "Weeks of vocational training towards qualifications such as BTEC, City & Guilds, NVQ or HNC, at level 2, 3 or 4 and above",
              unit: "weeks",
              unitLabel: "no. weeks",
              proxy: null,
              type: "SV",
              guidance: "Counts weeks of training, not people.",
            },
            {
              ref: "ECC10",
              description: "Weeks of apprenticeship at level 2, 3 or 4",
              unit: "weeks",
              unitLabel: "no. weeks",
              proxy: null,
              type: "SV",
              guidance: "Counts weeks of apprenticeship, not apprentices.",
            },
          ],
        },
        {
          id: "O2",
          name: "Business growth in the county, and the local benefit of public spending, made as large as possible",
          measures: [
            {
              ref: "ECC11",
              description: "Contract spend with suppliers based in Essex",
              unit: "GBP",
              unitLabel: "£",
              proxy: null,
              type: "LEV",
              guidance: "The same £ cannot also count under ECC12.",
              excludes: ["ECC12"],
            },
            {
              ref: "ECC12",
              description: "Contract spend with small and medium-sized enterprises based in Essex",
              unit: "GBP",
              unitLabel: "£",
              proxy: null,
              type: "LEV",
              guidance: "The same £ cannot also count under ECC11.",
              excludes: ["ECC11"],
            },
            {
              ref: "ECC36",
              description: "Share of supply-chain contracts that carry ethical procurement commitments",
              unit: "percent",
              unitLabel: "% of contracts",
              proxy: null,
              type: "Record",
              guidance: "Reported for monitoring only; it adds no £ value.",
            },
            {
              ref: "ECC38",
              description: "Contract spend with voluntary, community and social enterprises (VCSEs) in the supply chain",
              unit: "GBP",
              unitLabel: "£",
              proxy: null,
              type: "LEV",
            },
            {
              ref: "ECC39",
              description: "Expert business advice given to VCSEs and small and medium-sized enterprises",
              unit: "hours",
              unitLabel: "no. staff expert hours",
              proxy: ESSEX_EXPERT_HOUR,
              proxySource: ESSEX_EXPERT_HOUR_SOURCE,
              type: "SV",
            },
          ],
        },
      ],
    },
    {
      id: "T2",
      name: "A good place for children and families to grow",
      outcomes: [
        {
          id: "O3",
          name: "Better outcomes for the most vulnerable and disadvantaged groups",
          measures: [
            disadvantagedHire("ECC5", "Local young offenders aged 18–24 in rehabilitation, hired through a programme"),
            disadvantagedHire("ECC7", "Local care leavers aged 16–25 hired through a programme"),
          ],
        },
        {
          id: "O4",
          name: "Businesses and communities helping children and young people achieve in education",
          measures: [
            {
              ref: "ECC16",
              description: "Hours of support helping young people under 24 towards work, such as CV and interview preparation",
              unit: "hours",
              proxy: null,
              type: "SV",
            },
            {
              ref: "ECC17",
              description: "Weeks of unpaid work placements lasting 1 to 9 weeks",
              unit: "weeks",
              proxy: null,
              type: "SV",
            },
            {
              ref: "ECC18",
              description: "Weeks of paid work placements lasting 6 weeks or more",
              unit: "weeks",
              proxy: null,
              type: "SV",
            },
            {
              ref: "ECC19",
              description: "Staff hours spent on visits to schools and colleges, such as careers talks or curriculum support",
              unit: "hours",
              proxy: null,
              type: "SV",
            },
          ],
        },
        {
          id: "O5",
          name: "Partners helping to make communities safer, tackling violence and vulnerability and the safety of women and girls",
          measures: [
            {
              ref: "ECC48",
              description: "Investment in initiatives against modern slavery in the supply chain, including the value of staff time",
              unit: "GBP",
              unitLabel: "£ invested incl. staff time",
              proxy: null,
              type: "SV",
            },
          ],
        },
      ],
    },
    {
      id: "T3",
      name: "Health, wellbeing and independence for all ages",
      outcomes: [
        {
          id: "O6",
          name: "Residents able to live independently, and more people able to lead healthy lives",
          measures: [],
        },
        {
          id: "O7",
          name: "Partners and communities tackling the social and economic causes of poor health, such as poor housing, poverty, insecure income and low skills",
          measures: [
            {
              ref: "ECC40",
              description: "Equipment or resources donated to VCSEs, at their £ value",
              unit: "GBP",
              unitLabel: "£ equivalent",
              proxy: null,
              type: "SV",
            },
          ],
        },
      ],
    },
    {
      id: "T4",
      name: "A high-quality environment",
      outcomes: [
        {
          id: "O8",
          name: "Suppliers helping to reach net zero: fewer greenhouse gas emissions, less waste and stronger climate resilience",
          measures: [
            {
              ref: "ECC37",
              description: "Share of supply-chain contracts that carry sustainable procurement commitments",
              unit: "percent",
              unitLabel: "% of contracts",
              proxy: null,
              type: "Record",
              guidance: "Reported for monitoring only; it adds no £ value.",
            },
            {
              ref: "ECC46",
              description: "Expert staff time helping micro, small and medium businesses and VCSEs adopt circular-economy solutions",
              unit: "hours",
              unitLabel: "no. staff expert hours",
              proxy: ESSEX_EXPERT_HOUR,
              proxySource: ESSEX_EXPERT_HOUR_SOURCE,
              type: "SV",
            },
            {
              ref: "ECC47",
              description: "Hard-to-recycle waste diverted from disposal through partnerships",
              unit: "tonnes",
              unitLabel: "tonnes",
              proxy: null,
              type: "SV",
            },
            {
              ref: "ECC49",
              description: "Waste avoided through reuse",
              unit: "tonnes",
              unitLabel: "tonnes",
              proxy: null,
              type: "SV",
            },
            {
              ref: "ECC50",
              description: "Climate and carbon-reduction training for supply-chain staff",
              unit: "attendee-hours",
              unitLabel: "no. hrs × no. attendees",
              proxy: null,
              type: "SV",
              guidance: "Hours of training multiplied by the number of staff attending.",
            },
          ],
        },
      ],
    },
  ],
  criteria: [
    {
      id: "ECC-Q1",
      question:
        "For each measure you commit to, what level will you reach on this contract, where do you stand today, and what will you do to close the gap?",
      guidance:
        "Essex asks suppliers to state a target level, their current level and their planned actions (for example kilograms of plastic recycled). Look for figures that are specific to this contract and to Essex, not general company policy.",
    },
    {
      id: "ECC-Q2",
      question: "How will you measure, evidence and report what you deliver against these commitments through the life of the contract?",
      guidance:
        "After award, the winner's commitments form the contract's Social Value Plan and are tracked as a contract performance indicator. Look for named data sources, reporting frequency and who is accountable.",
    },
  ],
};
