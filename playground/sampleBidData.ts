/**
 * The sample bids' content, made for whatever the workbook's tender asks (pure: no Excel), so a
 * trainer can run every built-in framework end to end in the playground:
 * - Commitments against the measures in scope. Where some of them are priced (Essex, the
 *   illustrative set, or any framework after the council's proxies are imported), the bids
 *   carry a deliberate unit mistake to find and fix. Where none is (Thurrock's "x" targets,
 *   Colchester's KPIs), each bidder states its own figures, recorded for the contract, with no
 *   mistake planted.
 * - A written answer from each bidder to every criterion on SV Criteria, each bidder writing
 *   to its own standard: Acme Care Ltd specific, measurable and dated; Birch Homes figures
 *   without dates or an independent check; Cura Partnership general statements of policy.
 *   So a panel marking them against the criteria has something to tell apart.
 * The figures are made up for training, differ between bidders and between measures, and say
 * nothing about any real company.
 */
import { UNITS, type MeasureEntry, type UnitKey } from "../src/core";
import { FORM_VERSION, type FormTender, type ReadForm } from "../src/forms/types";

export const SAMPLE_BIDDERS = ["Acme Care Ltd", "Birch Homes", "Cura Partnership"] as const;
export type SampleBidder = (typeof SAMPLE_BIDDERS)[number];

/** How many measures each sample bidder commits to: enough to show a spread of units. */
const MEASURES_PER_BID = 5;

/** A typical commitment per unit on a contract of a million pounds or two. */
const TYPICAL: Readonly<Record<UnitKey, number>> = { FTE: 4, people: 6, count: 5, weeks: 150, hours: 200, "attendee-hours": 300, GBP: 60_000, tCO2e: 20, tonnes: 12, kg: 800, percent: 40 };

/**
 * Each bidder's size of offer on its 1st…5th measure, as a share of the typical one. No bidder
 * leads on every measure, so who offers most in £ depends on the council's proxies.
 */
const OFFER_SIZE: Readonly<Record<SampleBidder, readonly number[]>> = {
  "Acme Care Ltd": [1.0, 1.2, 0.8, 1.0, 1.1],
  "Birch Homes": [1.5, 0.6, 1.4, 1.2, 1.3],
  "Cura Partnership": [0.5, 1.0, 0.6, 0.4, 0.7],
};

/**
 * The planted mistake: a unit bidders really confuse with the measure's (a headcount for FTE,
 * apprentices for weeks of apprenticeship, hours for hours × attendees). Birch Homes makes it.
 */
const CONFUSED_UNIT: Partial<Record<UnitKey, string>> = { FTE: "people", weeks: "people", "attendee-hours": "hours" };
const MISTAKE_BIDDER: SampleBidder = "Birch Homes";

export interface SampleMistake {
  bidder: SampleBidder;
  ref: string;
  /** What the bidder wrote. */
  written: string;
  /** The unit the measure counts in (what the fix is). */
  expected: string;
}

export interface SampleBids {
  forms: ReadForm[];
  /** The measures committed to, in the order each bidder lists them. */
  refs: string[];
  mistake?: SampleMistake;
}

/**
 * Up to five measures a bidder would commit to: priced ones first, one of each unit before a
 * second of the same unit, never two that count the same thing (excludes). Record-only measures
 * are left out where priced ones exist (they add nothing to a £ bid); where nothing is priced,
 * they are exactly what the council asked bidders to report.
 */
export function sampleMeasures(inScope: readonly MeasureEntry[]): MeasureEntry[] {
  const priced = inScope.some((m) => m.proxy !== null && m.type !== "Record");
  const candidates = inScope.filter((m) => !priced || m.type !== "Record").sort((a, b) => Number(b.proxy !== null) - Number(a.proxy !== null));
  const picked: MeasureEntry[] = [];
  const clashes = (m: MeasureEntry): boolean => picked.some((p) => p.excludes.includes(m.ref) || m.excludes.includes(p.ref));
  for (const newUnitOnly of [true, false]) {
    for (const m of candidates) {
      if (picked.length === MEASURES_PER_BID) break;
      if (picked.includes(m) || clashes(m) || (newUnitOnly && picked.some((p) => p.unit === m.unit))) continue;
      picked.push(m);
    }
  }
  return picked;
}

function quantity(m: MeasureEntry, bidder: SampleBidder, i: number): number {
  const raw = TYPICAL[m.unit] * (OFFER_SIZE[bidder][i] ?? 1);
  const capped = UNITS[m.unit].percentage ? Math.min(95, raw) : raw;
  if (UNITS[m.unit].integer || UNITS[m.unit].money) return Math.round(capped);
  return Math.round(capped * 2) / 2;
}

/** The bidder's current level: about half of what it commits to (the Essex form asks for both). */
function baseline(m: MeasureEntry, committed: number): number {
  return UNITS[m.unit].integer || UNITS[m.unit].money ? Math.round(committed / 2) : Math.round(committed) / 2;
}

const VERIFICATION: Readonly<Record<SampleBidder, string>> = {
  "Acme Care Ltd": "Quarterly report to the contract manager with payroll extracts, invoices and attendance sheets; checked by an external auditor each year.",
  "Birch Homes": "Monthly self-declared figures in the contract report.",
  "Cura Partnership": "Covered in our annual corporate responsibility report.",
};

const ACTIONS: Readonly<Record<SampleBidder, string>> = {
  "Acme Care Ltd": "A named social value lead; recruitment through the local jobs hub from month 1; milestones every quarter.",
  "Birch Homes": "Use our existing local recruitment and supplier lists.",
  "Cura Partnership": "Follow our group social value policy.",
};

/** What the answer is about, found from the criterion's wording, and what each bidder offers on it. */
interface Topic {
  words: RegExp;
  /** Acme: specific, measurable, dated. */
  specific: string;
  /** Birch: figures, but no dates and no independent check. */
  partial: string;
}

const TOPICS: readonly Topic[] = [
  {
    words: /measur|verif|record|report|monitor/i,
    specific:
      "we will report every quarter against each target in our plan, with payroll extracts, supplier invoices and attendance sheets the contract manager can check, and an external audit of the figures at the end of each contract year",
    partial: "we will send monthly figures for each target in the contract report, taken from our own systems",
  },
  {
    words: /carbon|environment|emission|climate|green|waste|air|sustainab/i,
    specific: "we will replace the 12 diesel vans on this contract with electric ones by 30 June 2027, cutting about 40 tCO2e a year, and send no contract waste to landfill from month 6",
    partial: "we aim to move most of our vans on this contract to electric and to reduce waste where we can",
  },
  {
    words: /supply chain|supplier|business|sme|small|capacity|resilien|entry/i,
    specific: "we will place £150,000 of this contract's spend with local small firms and voluntary groups in year 1, paid within 14 days, and run 2 meet-the-buyer days by March 2027",
    partial: "we will look to spend around £100,000 with local small firms over the contract",
  },
  {
    words: /health|wellbeing|mental|productiv/i,
    specific: "we will train 10 mental health first aiders among the contract's staff by December 2027 and give every worker 2 wellbeing days a year, with uptake reported each quarter",
    partial: "we will offer our staff on this contract mental health support and some wellbeing days",
  },
  {
    words: /fair|pay|progression|inequalit|workforce|modern slavery|representation|under-represented/i,
    specific: "we will pay everyone on the contract at least the Real Living Wage from day 1, publish the pay gap of the contract's workforce each April, and promote 4 staff through our supervisor course by 2028",
    partial: "we pay above the minimum wage and will encourage staff on the contract to apply for promotion",
  },
  {
    words: /communit|cohesion|crime|volunteer|voluntary|covid|learning|together|place/i,
    specific: "we will give 400 hours of staff volunteering a year to local community groups chosen with the council, starting in month 3, with each group confirming the hours in writing",
    partial: "our staff will volunteer with local community groups during the contract",
  },
  {
    words: /job|employ|work|skill|apprentic|training|barrier|disab|opportunit|deliver/i,
    specific: "we will hire 6 local residents who are out of work (4 FTE) by 31 March 2027 and take on 3 apprentices for 52 weeks each from September 2026, through the local jobs hub and college",
    partial: "we expect to hire several local people and take on a few apprentices during the contract",
  },
];

const GENERAL_TOPIC: Topic = {
  words: /.*/,
  specific: "we will deliver the commitments in our plan, each with a number, a date and a named owner, and report on them every quarter",
  partial: "we will deliver the commitments in our plan as the contract allows",
};

function topicOf(question: string): Topic {
  return TOPICS.find((t) => t.words.test(question)) ?? GENERAL_TOPIC;
}

/** One bidder's written answer to one criterion, at that bidder's standard. */
export function sampleAnswer(bidder: SampleBidder, question: string): string {
  const topic = topicOf(question);
  switch (bidder) {
    case "Acme Care Ltd":
      return `Acme Care Ltd: the social value lead named in our plan owns this part of the contract. Specifically, ${topic.specific}. If a target slips, we agree a recovery plan with the council within a month.`;
    case "Birch Homes":
      return `Birch Homes: ${topic.partial}. Our site managers will keep track of progress.`;
    case "Cura Partnership":
      return "Cura Partnership is committed to social value in everything we do and will look for opportunities to make a difference in the community during the contract, in line with our group policy.";
  }
}

/**
 * The three sample bidders' returned forms for this tender: commitments to the measures in
 * scope (with the planted unit mistake where measures are priced) and an answer to every
 * criterion.
 */
export function sampleBids(tender: Pick<FormTender, "tenderId" | "measures" | "criteria">): SampleBids {
  const measures = sampleMeasures(tender.measures.filter((m) => m.inScope));
  const priced = measures.some((m) => m.proxy !== null && m.type !== "Record");
  const mistakeAt = priced ? Math.max(0, measures.findIndex((m) => CONFUSED_UNIT[m.unit] !== undefined)) : -1;
  const mistakeMeasure = measures[mistakeAt];
  const mistake: SampleMistake | undefined =
    mistakeMeasure === undefined
      ? undefined
      : { bidder: MISTAKE_BIDDER, ref: mistakeMeasure.ref, written: CONFUSED_UNIT[mistakeMeasure.unit] ?? (mistakeMeasure.unit === "tonnes" ? "hours" : "tonnes"), expected: UNITS[mistakeMeasure.unit].label };
  const forms = SAMPLE_BIDDERS.map((bidder): ReadForm => ({
    fileName: `Sample bid from ${bidder}`,
    tenderId: tender.tenderId,
    formVersion: FORM_VERSION,
    bidder,
    commitments: measures.map((m, i) => {
      const committed = quantity(m, bidder, i);
      return {
        formRow: i + 2,
        ref: m.ref,
        unit: mistake !== undefined && bidder === mistake.bidder && m.ref === mistake.ref ? mistake.written : UNITS[m.unit].label,
        quantity: committed,
        baseline: baseline(m, committed),
        actions: ACTIONS[bidder],
        verification: VERIFICATION[bidder],
      };
    }),
    answers: tender.criteria.map((c) => ({ criterion: c.id, answer: sampleAnswer(bidder, c.question) })),
    offers: [],
    notes: [],
  }));
  return { forms, refs: measures.map((m) => m.ref), ...(mistake !== undefined ? { mistake } : {}) };
}
