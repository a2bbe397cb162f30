import fc from "fast-check";
import {
  moderateMarks,
  moderationSummary,
  rolledUpMarks,
  type ConsensusRecord,
  type EvaluatorMark,
} from "../../../src/core/moderation/moderation";
import { scoreBids } from "../../../src/core/scores/scoring";
import { aTender } from "../../support/scoringBuilders";

function marksFor(bidder: string, criterion: string, byEvaluator: Record<string, number | null>): EvaluatorMark[] {
  return Object.entries(byEvaluator).map(([evaluator, mark]) => ({ bidder, criterion, evaluator, mark }));
}

const panel = aTender({ evaluators: ["Ann", "Ben", "Cat"], moderationThreshold: 1 });

describe("moderateMarks: figures", () => {
  it("gives min, max, spread, mean and median of the evaluators' marks", () => {
    const [item] = moderateMarks(marksFor("Acme", "Q1", { Ann: 3, Ben: 4, Cat: 4 }), [], panel);
    expect(item).toMatchObject({ bidder: "Acme", criterion: "Q1", min: 3, max: 4, spread: 1, median: 4 });
    expect(item?.mean).toBeCloseTo(11 / 3, 12);
    expect(item?.marks).toEqual([
      { evaluator: "Ann", mark: 3 },
      { evaluator: "Ben", mark: 4 },
      { evaluator: "Cat", mark: 4 },
    ]);
  });

  it("takes the mean of the middle two as the median of an even panel", () => {
    const [item] = moderateMarks(marksFor("Acme", "Q1", { Ann: 2, Ben: 3, Cat: 5, Dee: 4 }), [], aTender({ evaluators: ["Ann", "Ben", "Cat", "Dee"] }));
    expect(item?.median).toBe(3.5);
  });

  it("flags a spread strictly above the threshold, not one equal to it", () => {
    const items = moderateMarks(
      [...marksFor("Acme", "Q1", { Ann: 3, Ben: 4, Cat: 4 }), ...marksFor("Beta", "Q1", { Ann: 2, Ben: 4, Cat: 3 })],
      [],
      panel,
    );
    expect(items.map((i) => [i.bidder, i.spread, i.flagged])).toEqual([
      ["Acme", 1, false],
      ["Beta", 2, true],
    ]);
  });

  it("matches bidders, criteria and evaluators trimmed and case-insensitively", () => {
    const items = moderateMarks(
      [
        { bidder: "Acme", criterion: "Q1", evaluator: "Ann", mark: 3 },
        { bidder: " ACME ", criterion: "q1", evaluator: " ben", mark: 3 },
        { bidder: "acme", criterion: "Q1 ", evaluator: "CAT", mark: 3 },
      ],
      [],
      panel,
    );
    expect(items).toHaveLength(1);
    expect(items[0]?.marks.map((m) => m.evaluator)).toEqual(["Ann", "Ben", "Cat"]);
    expect(items[0]?.problems).toEqual([]);
  });
});

describe("moderateMarks: roll-up", () => {
  const marks = marksFor("Acme", "Q1", { Ann: 2, Ben: 4, Cat: 3 });

  it("leaves a consensus item open until the panel records its mark", () => {
    const [item] = moderateMarks(marks, [], panel);
    expect(item).toMatchObject({ rollUp: "consensus", rolledUp: null, status: "open", flagged: true });
  });

  it("closes a consensus item with the recorded mark and keeps the rationale", () => {
    const consensus: ConsensusRecord[] = [{ bidder: "Acme", criterion: "Q1", mark: 3, rationale: "Clear plan; weak on measurement" }];
    const [item] = moderateMarks(marks, consensus, panel);
    expect(item).toMatchObject({ consensus: 3, rolledUp: 3, status: "closed", rationale: "Clear plan; weak on measurement" });
    expect(item?.problems).toEqual([]);
  });

  it("reports a consensus recorded without a rationale", () => {
    const [item] = moderateMarks(marks, [{ bidder: "Acme", criterion: "Q1", mark: 3, rationale: "  ", row: 9 }], panel);
    expect(item?.status).toBe("closed");
    expect(item?.problems.map((p) => [p.code, p.row])).toEqual([["consensus-without-rationale", 9]]);
  });

  it("rolls up by the mean under the average rule", () => {
    const [item] = moderateMarks(marks, [], aTender({ rollUp: "average" }));
    expect(item).toMatchObject({ rolledUp: 3, status: "closed" });
  });

  it("rolls up by the median under the median rule", () => {
    const [item] = moderateMarks(marksFor("Acme", "Q1", { Ann: 1, Ben: 4, Cat: 5 }), [], aTender({ rollUp: "median" }));
    expect(item).toMatchObject({ rolledUp: 4, status: "closed" });
  });

  it("does not average until every evaluator on the panel has marked", () => {
    const [item] = moderateMarks(marksFor("Acme", "Q1", { Ann: 2, Ben: 4, Cat: null }), [], aTender({ rollUp: "average" }));
    expect(item).toMatchObject({ mean: 3, rolledUp: null, status: "open" });
    expect(item?.problems).toEqual([
      { code: "missing-mark", message: "Cat has not marked Acme on Q1", evaluator: "Cat" },
    ]);
  });
});

describe("moderateMarks: problems are reported, not thrown", () => {
  it("reports a mark not on the scale with its row and leaves it out of the figures", () => {
    const [item] = moderateMarks(
      [
        { bidder: "Acme", criterion: "Q1", evaluator: "Ann", mark: 3 },
        { bidder: "Acme", criterion: "Q1", evaluator: "Ben", mark: 7, row: 14 },
        { bidder: "Acme", criterion: "Q1", evaluator: "Cat", mark: 4 },
      ],
      [],
      aTender({ rollUp: "average" }),
    );
    expect(item).toMatchObject({ min: 3, max: 4, rolledUp: null, status: "open" });
    expect(item?.problems).toEqual([
      {
        code: "mark-not-on-scale",
        message: "Ben's mark 7 for Acme on Q1 (row 14) is not on the 0–5 scale; it is left out",
        evaluator: "Ben",
        mark: 7,
        row: 14,
      },
    ]);
  });

  it("reports a mark from someone not on the panel and leaves it out", () => {
    const [item] = moderateMarks(
      [...marksFor("Acme", "Q1", { Ann: 3, Ben: 3, Cat: 3 }), { bidder: "Acme", criterion: "Q1", evaluator: "Dan", mark: 0 }],
      [],
      panel,
    );
    expect(item?.min).toBe(3);
    expect(item?.problems.map((p) => p.code)).toEqual(["unknown-evaluator"]);
  });

  it("keeps an evaluator's first mark and reports a repeat", () => {
    const [item] = moderateMarks(
      [
        ...marksFor("Acme", "Q1", { Ann: 3, Ben: 3, Cat: 3 }),
        { bidder: "Acme", criterion: "Q1", evaluator: "Ann", mark: 5, row: 20 },
      ],
      [],
      panel,
    );
    expect(item?.max).toBe(3);
    expect(item?.problems.map((p) => [p.code, p.row])).toEqual([["repeated-mark", 20]]);
  });

  it("reports a consensus mark not on the scale and leaves the item open", () => {
    const [item] = moderateMarks(marksFor("Acme", "Q1", { Ann: 3, Ben: 3, Cat: 3 }), [{ bidder: "Acme", criterion: "Q1", mark: 3.5, rationale: "split" }], panel);
    expect(item).toMatchObject({ consensus: null, rolledUp: null, status: "open" });
    expect(item?.problems.map((p) => p.code)).toEqual(["consensus-not-on-scale"]);
  });

  it("reports every bidder × criterion asked for, including ones nobody has marked", () => {
    const items = moderateMarks(marksFor("Acme", "Q1", { Ann: 3, Ben: 3, Cat: 3 }), [], panel, {
      bidders: ["Acme", "Beta"],
      criteria: ["Q1", "Q2"],
    });
    expect(items.map((i) => `${i.bidder}/${i.criterion}/${i.problems.length}`)).toEqual(["Acme/Q1/0", "Acme/Q2/3", "Beta/Q1/3", "Beta/Q2/3"]);
    expect(items[1]).toMatchObject({ min: null, spread: null, mean: null, median: null, flagged: false, status: "open" });
  });

  it("never throws on whatever cells hold", () => {
    const cell = fc.oneof(fc.double(), fc.integer({ min: -1, max: 6 }), fc.constant(null), fc.string() as fc.Arbitrary<unknown>);
    const name = fc.constantFrom("Acme", " acme", "Beta", "", "Q1");
    fc.assert(
      fc.property(
        fc.array(fc.record({ bidder: name, criterion: name, evaluator: fc.constantFrom("Ann", "Ben", "Zed", ""), mark: cell })),
        fc.array(fc.record({ bidder: name, criterion: name, mark: cell })),
        fc.constantFrom("consensus" as const, "average" as const, "median" as const),
        (marks, consensus, rollUp) => {
          const items = moderateMarks(marks as EvaluatorMark[], consensus as ConsensusRecord[], aTender({ rollUp }));
          const summary = moderationSummary(items);
          expect(summary.open + summary.closed).toBe(items.length);
        },
      ),
    );
  });
});

describe("moderationSummary", () => {
  it("counts open, closed and flagged items", () => {
    const items = moderateMarks(
      [
        ...marksFor("Acme", "Q1", { Ann: 1, Ben: 4, Cat: 3 }), // flagged, consensus recorded
        ...marksFor("Acme", "Q2", { Ann: 1, Ben: 4, Cat: 3 }), // flagged, open
        ...marksFor("Beta", "Q1", { Ann: 3, Ben: 3, Cat: null }), // open, a mark missing
        ...marksFor("Beta", "Q2", { Ann: 3, Ben: 3, Cat: 3 }), // closed
      ],
      [
        { bidder: "Acme", criterion: "Q1", mark: 3, rationale: "agreed after discussion" },
        { bidder: "Beta", criterion: "Q2", mark: 3, rationale: "all agreed" },
      ],
      panel,
    );
    expect(moderationSummary(items)).toEqual({ items: 4, open: 2, closed: 2, flagged: 2, flaggedOpen: 1, withProblems: 1 });
  });
});

describe("rolledUpMarks", () => {
  it("hands the rolled-up marks to scoring, open items as no mark", () => {
    const items = moderateMarks(
      [...marksFor("Acme", "Q1", { Ann: 4, Ben: 4, Cat: 5 }), ...marksFor("Acme", "Q2", { Ann: 2, Ben: 4, Cat: 3 })],
      [{ bidder: "Acme", criterion: "Q1", mark: 4, rationale: "strong local plan" }],
      panel,
    );
    const marks = rolledUpMarks(items);
    expect(marks).toEqual([{ bidder: "Acme", marks: { Q1: 4, Q2: null } }]);
    const scored = scoreBids([], marks, aTender({ maxPoints: 10, quantitativeShare: 0.5 }));
    expect(scored.ok && scored.value[0]?.qualitative).toBe(2);
  });
});
