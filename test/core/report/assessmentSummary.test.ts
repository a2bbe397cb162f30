/**
 * Assessment summaries (Procurement Act 2023 s.50): golden cases under test/cases/summaries,
 * each a sample tender scored by core (valueBids → scoreBids) and summarised. A case holds
 * input.json, expected.json (the figures) and expected.txt (the letters as a bidder reads them,
 * to be reviewed by eye). A mismatch writes actual.json / actual.txt beside the case; run with
 * UPDATE_GOLDEN=1 to rewrite the expected files deliberately after checking the difference.
 */
import { existsSync, readFileSync, rmSync, writeFileSync } from "fs";
import { join } from "path";
import {
  ILLUSTRATIVE,
  NOT_YET_AGREED,
  assessmentSummaries,
  measureTableFromFramework,
  scoreBids,
  valueBids,
  UNITS,
  type SummaryInput,
  type TenderSettings,
} from "../../../src/core";
import { expectGolden, loadGoldenCases } from "../../support/goldenCases";
import { aTender } from "../../support/scoringBuilders";

interface SummaryCase {
  description: string;
  settings: Partial<TenderSettings>;
  /** SV Setup holds no weighting (SV_Weighting blank). */
  noWeighting?: boolean;
  commitments: { bidder: string; ref: string; quantity: number }[];
  consensus: { bidder: string; criterion: string; mark: number | null; rationale?: string; marks?: string; answer?: string }[];
}

const UPDATE = process.env.UPDATE_GOLDEN === "1";
const measures = measureTableFromFramework(ILLUSTRATIVE);
const themeName = new Map(measures.map((m) => [m.themeId, m.theme]));

/** The whole chain a tender goes through: value, score, then summarise. */
function summaryInputOf(c: SummaryCase): SummaryInput {
  const settings = aTender(c.settings);
  const valuations = valueBids(
    c.commitments.map((x, i) => ({ ...x, row: i + 4 })),
    measures,
    settings.contractValue,
  );
  const criteria = ILLUSTRATIVE.criteria.map((q) => ({ id: q.id }));
  const marks = [...new Set(c.consensus.map((x) => x.bidder))].map((bidder) => ({
    bidder,
    marks: Object.fromEntries(c.consensus.filter((x) => x.bidder === bidder).map((x) => [x.criterion, x.mark])),
  }));
  const scored = scoreBids(valuations, marks, settings, { criteria });
  if (!scored.ok) throw new Error(`test case cannot be scored: ${scored.message}`);
  const scores = scored.value;
  const available = scores[0]?.criteria ?? [];
  return {
    tender: {
      contractName: settings.contractName,
      contractValue: settings.contractValue,
      maxPoints: settings.maxPoints,
      quantitativeAvailable: settings.maxPoints * settings.quantitativeShare,
      method: settings.method,
      ...(settings.method === "target" ? { target: (settings.targetReturn ?? 0) * settings.contractValue } : {}),
      rollUp: settings.rollUp,
      topMark: Math.max(...settings.scale.marks),
      scale: settings.scale,
      ...(c.noWeighting ? {} : { weighting: settings.weighting }),
    },
    criteria: ILLUSTRATIVE.criteria.map((q, i) => ({ id: q.id, question: q.question, available: available[i]?.available ?? 0 })),
    bids: scores.map((s) => {
      const v = valuations.find((x) => x.bidder === s.bidder);
      return {
        bidder: s.bidder,
        rank: s.rank,
        value: s.value,
        returnRatio: v?.returnRatio ?? 0,
        quantitative: s.quantitative,
        byTheme: Object.entries(v?.byTheme ?? {}).map(([id, value]) => ({ theme: themeName.get(id) ?? id, value })),
        commitments: c.commitments
          .filter((x) => x.bidder === s.bidder)
          .map((x) => {
            const m = measures.find((e) => e.ref === x.ref);
            return { ref: x.ref, measure: m?.description ?? "", quantity: x.quantity, unit: m ? UNITS[m.unit].label : "", value: x.quantity * (m?.proxy ?? 0) };
          }),
      };
    }),
    items: c.consensus.map((x) => {
      const s = scores.find((b) => b.bidder === x.bidder)?.criteria.find((k) => k.criterion === x.criterion);
      return { ...x, points: s?.points ?? null };
    }),
  };
}

function expectGoldenText(dir: string, actual: string): void {
  const expectedFile = join(dir, "expected.txt");
  const actualFile = join(dir, "actual.txt");
  if (UPDATE) writeFileSync(expectedFile, actual);
  const expected = existsSync(expectedFile) ? readFileSync(expectedFile, "utf8") : "";
  if (expected === actual) {
    if (existsSync(actualFile)) rmSync(actualFile);
  } else writeFileSync(actualFile, actual);
  expect(actual).toBe(expected);
}

const root = join(__dirname, "..", "..", "cases", "summaries");
if (UPDATE) {
  // Deliberate regeneration: write expected.json before the cases are loaded and compared.
  for (const c of readCaseInputs(root)) {
    const summaries = assessmentSummaries(summaryInputOf(c.input));
    writeFileSync(join(c.dir, "expected.json"), JSON.stringify(summaries.map(({ text: _text, ...rest }) => rest), null, 2) + "\n");
  }
}
const cases = loadGoldenCases<SummaryCase>(root);

function readCaseInputs(dir: string): { dir: string; input: SummaryCase }[] {
  return ["three-bidders-consensus", "target-method-average", "not-ready-to-send"]
    .map((name) => join(dir, name))
    .map((d) => ({ dir: d, input: JSON.parse(readFileSync(join(d, "input.json"), "utf8")) as SummaryCase }));
}

describe("assessment summary golden cases", () => {
  it("has the sample tenders to run", () => {
    expect(cases.map((c) => c.name).sort()).toEqual(["not-ready-to-send", "target-method-average", "three-bidders-consensus"]);
  });

  it.each(cases.map((c) => [c.name, c] as const))("%s: figures", (_name, golden) => {
    const summaries = assessmentSummaries(summaryInputOf(golden.input));
    expectGolden(
      golden,
      summaries.map(({ text: _text, ...rest }) => rest),
    );
  });

  it.each(cases.map((c) => [c.name, c] as const))("%s: letters", (_name, golden) => {
    const summaries = assessmentSummaries(summaryInputOf(golden.input));
    expectGoldenText(golden.dir, summaries.map((s) => s.text).join("\n\n----------------------------------------\n\n") + "\n");
  });
});

describe("assessment summaries", () => {
  const sample = (): SummaryInput => summaryInputOf(readCaseInputs(root)[0]?.input as SummaryCase);

  it("names the law the letter answers to from the day the procurement began, and nothing when the workbook never said", () => {
    const at = (procurementStart?: string): string => {
      const input = sample();
      return assessmentSummaries({ ...input, tender: { ...input.tender, ...(procurementStart ? { procurementStart } : {}) } })[0]?.text ?? "";
    };
    expect(at("2025-02-24")).toContain("Procurement Act 2023: the social value part of the assessment summary section 50 requires.");
    expect(at("2025-02-23")).toContain("Public Contracts Regulations 2015 (the procurement began before 24 February 2025)");
    expect(at()).not.toMatch(/Procurement Act|Public Contracts Regulations/);
  });

  it("quotes the consensus rationale verbatim as the panel's reasons", () => {
    const input = sample();
    const acme = assessmentSummaries(input)[0];
    const rationale = input.items.find((i) => i.bidder === "Acme Grounds Ltd" && i.criterion === "ILL-Q2")?.rationale as string;
    expect(acme?.criteria[1]?.reasons).toBe(`The panel's reasons: "${rationale}"`);
    expect(acme?.text).toContain(rationale);
  });

  it("says an item without an agreed mark is not yet agreed, scores it 0 and counts it open", () => {
    const castle = assessmentSummaries(sample()).find((s) => s.bidder === "Castle Services");
    expect(castle?.criteria[1]).toMatchObject({ mark: null, points: 0, agreed: false, reasons: NOT_YET_AGREED });
    expect(castle?.openItems).toBe(1);
    expect(castle?.text).toContain("Provisional: 1 criterion is not yet agreed");
  });

  it("the total is the commitments' points plus every criterion's points", () => {
    for (const s of assessmentSummaries(sample())) {
      expect(s.total).toBeCloseTo(s.quantitative.points + s.criteria.reduce((n, c) => n + c.points, 0), 12);
      expect(s.maxTotal).toBeCloseTo(20, 12);
    }
  });

  it("breaks the £ down by theme with shares that add up to the whole", () => {
    const acme = assessmentSummaries(sample())[0];
    const shares = acme?.quantitative.themes.reduce((n, t) => n + t.share, 0) ?? 0;
    expect(shares).toBeCloseTo(1, 12);
    expect(acme?.quantitative.themes.map((t) => t.theme)).toEqual(["Jobs", "Growth", "Social", "Environment"]);
  });

  it("tells the highest bid it scored full marks under the relative method, and the others their proportion", () => {
    const [first, , third] = assessmentSummaries(sample()).sort((a, b) => b.quantitative.value - a.quantitative.value);
    expect(first?.quantitative.reason).toContain("This was the highest offer, so it scored all 10 points under the relative method.");
    expect(third?.quantitative.reason).toContain("Under the relative method the highest offer");
  });

  it("explains the average roll-up with the evaluators' marks when there is no rationale", () => {
    const input = summaryInputOf(readCaseInputs(root)[1]?.input as SummaryCase);
    const dunmow = assessmentSummaries(input)[0];
    expect(dunmow?.criteria[0]?.reasons).toBe("The mark is the average of the evaluators' marks (3, 4, 4), as the tender set before marking.");
  });

  it("tells the bidder the marks that made an average, never which evaluator gave which", () => {
    const input = summaryInputOf(readCaseInputs(root)[1]?.input as SummaryCase);
    for (const s of assessmentSummaries(input)) expect(s.text).not.toMatch(/\b(Ann|Ben|Cat)\b/);
  });

  it("words a bid with no commitments and no marks without dividing by nothing, and totals 0", () => {
    const input = sample();
    const empty = { bidder: "Dorset Care", rank: 4, value: 0, returnRatio: 0, quantitative: 0, byTheme: input.bids[0]!.byTheme.map((t) => ({ theme: t.theme, value: 0 })) };
    const s = assessmentSummaries({ ...input, bids: [...input.bids, empty] }).find((x) => x.bidder === "Dorset Care")!;
    expect(s.total).toBe(0);
    expect(s.quantitative.themes.every((t) => t.share === 0)).toBe(true);
    expect(s.text).toContain("£0 of social value committed, 0p per £1 of the contract value.");
    expect(s.text).not.toMatch(/NaN|Infinity|By theme/);
    expect(s.text).toContain("Provisional: 2 criteria are not yet agreed by the panel.");
  });

  it("gives two bids tied on points the same rank", () => {
    const input = sample();
    const tied = input.bids.map((b, i) => (i < 2 ? { ...b, rank: 1 } : b));
    const texts = assessmentSummaries({ ...input, bids: tied }).map((x) => x.text.split("\n")[2]);
    expect(texts.slice(0, 2).every((t) => t?.includes("(ranked 1 of 3)"))).toBe(true);
  });

  it("scores a disregarded bid 0 in every part, and says why", () => {
    const input = sample();
    const bids = input.bids.map((b) => (b.bidder === "Brightside CIC" ? { ...b, disregarded: "The bid was disregarded: it has no answers to the qualitative questions, and the tender requires both parts." } : b));
    const s = assessmentSummaries({ ...input, bids }).find((x) => x.bidder === "Brightside CIC")!;
    expect(s.total).toBe(0);
    expect(s.quantitative.points).toBe(0);
    expect(s.criteria.every((c) => c.points === 0)).toBe(true);
    expect(s.text).toContain("The bid was disregarded");
  });

  it("says “criteria” when more than one is not yet agreed", () => {
    const input = sample();
    const open = { ...input, items: input.items.filter((i) => i.bidder !== "Castle Services") };
    const castle = assessmentSummaries(open).find((s) => s.bidder === "Castle Services");
    expect(castle?.text).toContain("Provisional: 2 criteria are not yet agreed by the panel.");
  });

  it("says a bid that meets the target scored every point under the target method", () => {
    const input = summaryInputOf(readCaseInputs(root)[1]?.input as SummaryCase);
    const reasons = assessmentSummaries(input).map((s) => s.quantitative.reason);
    expect(reasons[0]).toContain("It meets the target of £200,000 (25p per £1), so it scored all 6 points under the target method.");
    expect(reasons[1]).toContain("this offer reaches");
  });

});

describe("what a summary lacks before it can be sent (Procurement Regulations 2024 reg 31)", () => {
  const consensusCase = (): SummaryInput => summaryInputOf(readCaseInputs(root)[0]?.input as SummaryCase);
  const notReady = (): SummaryInput => summaryInputOf(readCaseInputs(root)[2]?.input as SummaryCase);
  const gapsOf = (input: SummaryInput, bidder: string) => assessmentSummaries(input).find((s) => s.bidder === bidder)?.gaps.map((g) => [g.code, g.criterion ?? ""]);

  it("finds nothing missing in a summary with the weighting, the method, the scale, agreed marks with reasons, and a total", () => {
    expect(gapsOf(consensusCase(), "Acme Grounds Ltd")).toEqual([]);
  });

  it("names a criterion the panel has not agreed yet", () => {
    expect(gapsOf(consensusCase(), "Castle Services")).toEqual([["not-agreed", "ILL-Q2"]]);
  });

  it("names a missing weighting, reasons that only say it was discussed, reasons that never refer to the answer, and a mark with no reasons", () => {
    expect(gapsOf(notReady(), "Fenland Facilities")).toEqual([["no-weighting", ""], ["weak-reasons", "ILL-Q2"]]);
    expect(gapsOf(notReady(), "Grantham Cleaning")).toEqual([["no-weighting", ""], ["reasons-not-about-bid", "ILL-Q1"], ["no-reasons", "ILL-Q2"]]);
  });

  it("says the £ part has no method when the target method has no target", () => {
    const input = consensusCase();
    const noTarget = { ...input, tender: { ...input.tender, method: "target" as const } };
    const s = assessmentSummaries(noTarget)[0];
    expect(s?.gaps.map((g) => g.code)).toContain("no-method");
    expect(s?.methodology.join(" ")).not.toContain("target of");
  });

  it("says the mark scale is missing when SV Setup's scale cannot be read", () => {
    const input = consensusCase();
    const { scale: _scale, ...tender } = input.tender;
    expect(assessmentSummaries({ ...input, tender })[0]?.gaps.map((g) => g.code)).toEqual(["no-scale"]);
  });

  it("says there is no total while SV Scores shows a reason in place of the bid's score", () => {
    const input = consensusCase();
    const bids = input.bids.map((b) => (b.bidder === "Brightside CIC" ? { ...b, scoreNote: "Held: SV110 on SV Commitments row 9" } : b));
    const gaps = assessmentSummaries({ ...input, bids }).find((s) => s.bidder === "Brightside CIC")?.gaps ?? [];
    expect(gaps.map((g) => g.code)).toEqual(["no-total"]);
    expect(gaps[0]?.message).toContain("Held: SV110 on SV Commitments row 9");
  });

  it("states the methodology once per letter: weighting, each part's points and share, each criterion's points, the scale and what each mark means", () => {
    const text = assessmentSummaries(consensusCase())[0]?.text ?? "";
    expect(text).toContain("Social value is 10% of the award, marked out of 20 points: 10 (50%) for the commitments offered and 10 (50%) for the written answers.");
    expect(text).toContain("ILL-Q1 carries 5 points; ILL-Q2 carries 5 points.");
    expect(text).toContain("0 unacceptable, 1 poor, 2 weak, 3 satisfactory, 4 good, 5 excellent");
    expect(text).toContain("Total: 17 of 20 points (commitments 10, written answers 7).");
  });

  it("explains the £ by the bidder's own commitments, largest first, a £ measure shown as money", () => {
    const acme = assessmentSummaries(consensusCase())[0];
    expect(acme?.quantitative.basis).toMatch(/^The tender's commitments: ILL1 Local people employed on the contract: 6 FTE \(£120,000 of social value\); ILL7 [^;]*: £150,000 \(£75,000 of social value\);/);
  });
});
