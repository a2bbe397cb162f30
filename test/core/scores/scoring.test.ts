import fc from "fast-check";
import {
  parseScoringMethod,
  pointsAvailable,
  qualitativePoints,
  quantitativeScore,
  scoreBids,
  targetValueFromReturn,
  type BidScore,
  type ScoringResult,
} from "../../../src/core/scores/scoring";
import { SCORING_METHODS, type ScoringMethod } from "../../../src/core/setup/tender";
import { aTender, SCALE_0_5, SCALE_QUARTILES } from "../../support/scoringBuilders";

function valueOf<T>(result: ScoringResult<T>): T {
  if (!result.ok) throw new Error(`expected a value, got ${result.code}: ${result.message}`);
  return result.value;
}

function byBidder(scores: BidScore[]): Record<string, BidScore> {
  return Object.fromEntries(scores.map((s) => [s.bidder, s]));
}

describe("quantitativeScore, relative to the best bid", () => {
  it("gives max_points × value / best value", () => {
    expect(valueOf(quantitativeScore(50_000, [50_000, 100_000, 80_000], 10, "relative"))).toBe(5);
    expect(valueOf(quantitativeScore(80_000, [50_000, 100_000, 80_000], 10, "relative"))).toBe(8);
  });

  it("gives the best bid exactly max_points", () => {
    expect(valueOf(quantitativeScore(0.3, [0.1, 0.3], 7, "relative"))).toBe(7);
  });

  it("counts the value itself among the values", () => {
    expect(valueOf(quantitativeScore(200, [100], 10, "relative"))).toBe(10);
  });

  it("gives 0 when every bid offers nothing", () => {
    expect(valueOf(quantitativeScore(0, [0, 0], 10, "relative"))).toBe(0);
  });

  it("is the default method", () => {
    expect(quantitativeScore(50, [100], 10)).toEqual({ ok: true, value: 5 });
  });
});

describe("quantitativeScore, against a target", () => {
  // Essex: target 25p per £1 on its tenders (seed 000); £1m contract → £250,000 target.
  const essexTarget = targetValueFromReturn(0.25, 1_000_000);

  it("turns a 25p-per-£1 target on a £1m contract into £250,000", () => {
    expect(essexTarget).toBe(250_000);
  });

  it("gives max_points × value / target below the target", () => {
    expect(valueOf(quantitativeScore(200_000, [], 20, "target", essexTarget))).toBe(16);
    expect(valueOf(quantitativeScore(50_000, [], 20, "target", essexTarget))).toBe(4);
  });

  it("gives max_points at the target and no more above it", () => {
    expect(valueOf(quantitativeScore(250_000, [], 20, "target", essexTarget))).toBe(20);
    expect(valueOf(quantitativeScore(600_000, [], 20, "target", essexTarget))).toBe(20);
  });

  it("does not depend on the other bids", () => {
    expect(quantitativeScore(100_000, [1_000_000], 20, "target", essexTarget)).toEqual(
      quantitativeScore(100_000, [], 20, "target", essexTarget),
    );
  });

  it("scores the same bid lower against Essex's case-study target of 50p per £1", () => {
    const target50p = targetValueFromReturn(0.5, 1_000_000);
    expect(valueOf(quantitativeScore(200_000, [], 20, "target", target50p))).toBe(8);
  });

  it.each([[undefined], [0], [-1], [NaN], [Infinity]])("returns NUM for target %p, without throwing", (target) => {
    const result = quantitativeScore(100, [], 10, "target", target);
    expect(result).toMatchObject({ ok: false, code: "NUM" });
    expect(result.ok ? "" : result.message).toMatch(/target/);
  });
});

describe("quantitativeScore, over the range of bids", () => {
  it("gives max_points × (value − lowest) / (highest − lowest)", () => {
    expect(valueOf(quantitativeScore(60, [20, 100], 10, "range"))).toBe(5);
    expect(valueOf(quantitativeScore(20, [20, 100], 10, "range"))).toBe(0);
    expect(valueOf(quantitativeScore(100, [20, 100], 10, "range"))).toBe(10);
  });

  it("gives max_points to every positive bid when all bids are equal", () => {
    expect(valueOf(quantitativeScore(40, [40, 40], 10, "range"))).toBe(10);
  });

  it("gives 0 when all bids are equal at nothing", () => {
    expect(valueOf(quantitativeScore(0, [0], 10, "range"))).toBe(0);
  });

  it("gives a lone bid max_points if it offers anything", () => {
    expect(valueOf(quantitativeScore(1, [], 10, "range"))).toBe(10);
  });
});

describe("quantitativeScore errors", () => {
  it("a negative value is NUM", () => {
    expect(quantitativeScore(-1, [], 10)).toMatchObject({ ok: false, code: "NUM" });
  });

  it("NaN is VALUE", () => {
    expect(quantitativeScore(NaN, [], 10)).toMatchObject({ ok: false, code: "VALUE" });
  });

  it("a negative number among the values is NUM, naming which", () => {
    const result = quantitativeScore(1, [3, -2], 10);
    expect(result).toMatchObject({ ok: false, code: "NUM" });
    expect(result.ok ? "" : result.message).toMatch(/value 2 of the values/);
  });

  it("negative max_points is NUM", () => {
    expect(quantitativeScore(1, [], -10)).toMatchObject({ ok: false, code: "NUM" });
  });

  it("an unknown method is VALUE", () => {
    expect(quantitativeScore(1, [], 10, "best" as ScoringMethod)).toMatchObject({ ok: false, code: "VALUE" });
  });

  it("reports the first problem in argument order", () => {
    const result = quantitativeScore(-1, [NaN], -5, "best" as ScoringMethod);
    expect(result).toMatchObject({ ok: false, code: "NUM" });
    expect(result.ok ? "" : result.message).toMatch(/^the value/);
  });
});

describe("parseScoringMethod", () => {
  it("reads method names trimmed and case-insensitively", () => {
    expect(parseScoringMethod("  Target ")).toBe("target");
    expect(parseScoringMethod("RANGE")).toBe("range");
  });

  it("knows no other methods", () => {
    expect(parseScoringMethod("best")).toBeUndefined();
  });
});

describe("qualitativePoints", () => {
  it("gives maxPoints × mark / top mark", () => {
    expect(valueOf(qualitativePoints(4, SCALE_0_5, 10))).toBe(8);
    expect(valueOf(qualitativePoints(75, SCALE_QUARTILES, 20))).toBe(15);
  });

  it("returns NUM for a mark not on the scale", () => {
    const result = qualitativePoints(3.5, SCALE_0_5, 10);
    expect(result).toMatchObject({ ok: false, code: "NUM" });
    expect(result.ok ? "" : result.message).toBe("mark 3.5 is not on the 0–5 scale");
  });

  it("accepts a mark between scale marks when asked (averaged roll-ups)", () => {
    expect(valueOf(qualitativePoints(3.5, SCALE_0_5, 10, { allowBetweenMarks: true }))).toBe(7);
    expect(qualitativePoints(6, SCALE_0_5, 10, { allowBetweenMarks: true })).toMatchObject({ ok: false, code: "NUM" });
  });

  it("returns VALUE for NaN", () => {
    expect(qualitativePoints(NaN, SCALE_0_5, 10)).toMatchObject({ ok: false, code: "VALUE" });
  });
});

describe("scoreBids", () => {
  const criteria = [{ id: "Q1" }, { id: "Q2" }];

  it("splits the points between the quantitative and qualitative parts by the share", () => {
    expect(pointsAvailable(aTender({ maxPoints: 20, quantitativeShare: 0.6 }))).toEqual({ quantitative: 12, qualitative: 8 });
  });

  it("scores each bid's £ relative to the best and its marks against the scale", () => {
    const scores = valueOf(
      scoreBids(
        [
          { bidder: "Acme", total: 100_000 },
          { bidder: "Beta", total: 50_000 },
        ],
        [
          { bidder: "Acme", marks: { Q1: 5, Q2: 3 } },
          { bidder: "beta ", marks: { Q1: 4, Q2: 4 } },
        ],
        aTender({ maxPoints: 10, quantitativeShare: 0.5 }),
        { criteria },
      ),
    );
    const { Acme, Beta } = byBidder(scores);
    // Quantitative: 5 points. Qualitative: 5 points, 2.5 per criterion.
    expect(Acme).toMatchObject({ value: 100_000, quantitative: 5, qualitative: 2.5 + 1.5, score: 9, rank: 1 });
    expect(Beta).toMatchObject({ value: 50_000, quantitative: 2.5, qualitative: 2 + 2, score: 6.5, rank: 2 });
    expect(Acme?.criteria).toEqual([
      { criterion: "Q1", mark: 5, available: 2.5, points: 2.5 },
      { criterion: "Q2", mark: 3, available: 2.5, points: 1.5 },
    ]);
  });

  it("shares the qualitative points by criterion weight when weights are given", () => {
    const [acme] = valueOf(
      scoreBids([{ bidder: "Acme", total: 0 }], [{ bidder: "Acme", marks: { Q1: 5, Q2: 0 } }], aTender({ maxPoints: 10, quantitativeShare: 0.2 }), {
        criteria: [
          { id: "Q1", weight: 3 },
          { id: "Q2", weight: 1 },
        ],
      }),
    );
    expect(acme?.criteria.map((c) => c.available)).toEqual([6, 2]);
    expect(acme?.qualitative).toBe(6);
  });

  it("finds the criteria in the marks when none are given", () => {
    const [acme] = valueOf(scoreBids([], [{ bidder: "Acme", marks: { Q1: 5, Q2: 5, Q3: 5 } }], aTender({ quantitativeShare: 0.4 })));
    expect(acme?.criteria.map((c) => c.criterion)).toEqual(["Q1", "Q2", "Q3"]);
    expect(acme?.qualitative).toBeCloseTo(6, 12);
  });

  it("gives tied bids the same rank and skips the next (competition ranking 1, 2, 2, 4)", () => {
    const scores = valueOf(
      scoreBids(
        [
          { bidder: "A", total: 100 },
          { bidder: "B", total: 50 },
          { bidder: "C", total: 50 },
          { bidder: "D", total: 10 },
        ],
        [],
        aTender({ quantitativeShare: 1 }),
      ),
    );
    expect(scores.map((s) => [s.bidder, s.rank])).toEqual([
      ["A", 1],
      ["B", 2],
      ["C", 2],
      ["D", 4],
    ]);
  });

  it("treats scores that differ only in the last binary digit as a tie", () => {
    // The same commitments summed in another order: 0.1 + 0.2 + 0.3 vs 0.3 + 0.2 + 0.1.
    const scores = valueOf(
      scoreBids(
        [
          { bidder: "A", total: 0.1 + 0.2 + 0.3 },
          { bidder: "B", total: 0.3 + 0.2 + 0.1 },
        ],
        [],
        aTender({ quantitativeShare: 1, method: "target", targetReturn: 0.00001 }),
      ),
    );
    expect(scores[0]?.score).not.toBe(scores[1]?.score);
    expect(scores.map((s) => s.rank)).toEqual([1, 1]);
  });

  it("scores the target method against targetReturn × contract value", () => {
    // Essex: 25p per £1 on a £1m contract, so £250,000 earns every quantitative point.
    const scores = valueOf(
      scoreBids(
        [
          { bidder: "Acme", total: 300_000 },
          { bidder: "Beta", total: 125_000 },
        ],
        [],
        aTender({ maxPoints: 20, quantitativeShare: 1, method: "target", targetReturn: 0.25, contractValue: 1_000_000 }),
      ),
    );
    expect(scores.map((s) => s.score)).toEqual([20, 10]);
  });

  it("returns NUM when the target method has no target return", () => {
    const result = scoreBids([{ bidder: "Acme", total: 1 }], [], aTender({ method: "target", targetReturn: undefined }));
    expect(result).toMatchObject({ ok: false, code: "NUM" });
  });

  it("flags a bid with any criterion below the pass mark, without changing its score", () => {
    const scores = valueOf(
      scoreBids(
        [],
        [
          { bidder: "Acme", marks: { Q1: 5, Q2: 2 } },
          { bidder: "Beta", marks: { Q1: 3, Q2: 3 } },
        ],
        aTender({ passMark: 3 }),
        { criteria },
      ),
    );
    expect(scores.map((s) => [s.bidder, s.belowPassMark])).toEqual([
      ["Acme", true],
      ["Beta", false],
    ]);
    expect(scores[0]?.qualitative).toBe(3.5);
  });

  it("disregards a bid without one of the parts when the tender requires both, and leaves its £ out of the comparison", () => {
    const scores = valueOf(
      scoreBids(
        [
          { bidder: "Acme", total: 200_000 },
          { bidder: "Beta", total: 100_000 },
          { bidder: "Cura", total: 0 },
        ],
        [
          { bidder: "Beta", marks: { Q1: 5, Q2: 5 } },
          { bidder: "Cura", marks: { Q1: 5, Q2: 5 } },
        ],
        aTender({ requireBothParts: true }),
        { criteria },
      ),
    );
    const { Acme, Beta, Cura } = byBidder(scores);
    expect(Acme).toMatchObject({ disregarded: true, disregardReasons: ["no-qualitative-part"], score: 0, rank: 2 });
    expect(Cura).toMatchObject({ disregarded: true, disregardReasons: ["no-quantitative-part"], score: 0, rank: 2 });
    // With Acme's £200,000 disregarded, Beta's £100,000 is the best bid.
    expect(Beta).toMatchObject({ disregarded: false, quantitative: 5, qualitative: 5, score: 10, rank: 1 });
  });

  it("keeps a bid with only one part when the tender does not require both", () => {
    const [acme] = valueOf(scoreBids([{ bidder: "Acme", total: 200_000 }], [], aTender({ requireBothParts: false })));
    expect(acme).toMatchObject({ disregarded: false, score: 5 });
  });

  it("adds bidders who have marks but no commitments after the valued bids", () => {
    const scores = valueOf(
      scoreBids([{ bidder: "Acme", total: 10 }], [{ bidder: "Zeta", marks: { Q1: 5 } }, { bidder: "ACME", marks: { Q1: 1 } }], aTender()),
    );
    expect(scores.map((s) => [s.bidder, s.value])).toEqual([
      ["Acme", 10],
      ["Zeta", 0],
    ]);
  });

  it("accepts an averaged mark between scale marks when the panel rolls up by average, not by consensus", () => {
    const marks = [{ bidder: "Acme", marks: { Q1: 11 / 3 } }];
    expect(scoreBids([], marks, aTender({ rollUp: "average" }))).toMatchObject({ ok: true });
    const result = scoreBids([], marks, aTender({ rollUp: "consensus" }));
    expect(result).toMatchObject({ ok: false, code: "NUM" });
    expect(result.ok ? "" : result.message).toMatch(/^Acme, criterion Q1: mark/);
  });

  it("gives no points for a criterion without a mark", () => {
    const [acme] = valueOf(scoreBids([], [{ bidder: "Acme", marks: { Q1: 5, Q2: null } }], aTender(), { criteria }));
    expect(acme?.criteria[1]).toEqual({ criterion: "Q2", mark: null, available: 2.5, points: 0 });
    expect(acme?.qualitative).toBe(2.5);
  });

  it("returns VALUE for a mark on a criterion the tender does not have", () => {
    const result = scoreBids([], [{ bidder: "Acme", marks: { Q9: 5 } }], aTender(), { criteria });
    expect(result).toMatchObject({ ok: false, code: "VALUE" });
  });

  it("returns VALUE for the same bidder valued twice", () => {
    const result = scoreBids([{ bidder: "Acme", total: 1 }, { bidder: " acme", total: 2 }], [], aTender());
    expect(result).toMatchObject({ ok: false, code: "VALUE" });
  });
});

// ---------------------------------------------------------------------------------------------
// Properties

const anyNumber = fc.oneof(
  fc.double(),
  fc.constantFrom(NaN, Infinity, -Infinity, -0, 0, -1),
  fc.integer({ min: -1_000, max: 1_000_000 }),
);
const money = fc.integer({ min: 0, max: 100_000_000 }).map((p) => p / 100); // pounds and pence
const points = fc.integer({ min: 0, max: 10_000 }).map((n) => n / 100);
const method = fc.constantFrom<ScoringMethod>(...SCORING_METHODS);

describe("scoring properties", () => {
  it("no input makes quantitativeScore throw, and every result is a score or a coded error", () => {
    fc.assert(
      fc.property(anyNumber, fc.array(anyNumber), anyNumber, fc.oneof(method, fc.string()), fc.option(anyNumber, { nil: undefined }), (v, vs, m, meth, t) => {
        const result = quantitativeScore(v, vs, m, meth as ScoringMethod, t);
        expect(result.ok ? typeof result.value : result.code).toMatch(/^(number|NUM|VALUE)$/);
      }),
    );
  });

  it("no input makes qualitativePoints or scoreBids throw", () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ bidder: fc.string(), total: anyNumber })),
        fc.array(fc.record({ bidder: fc.string(), marks: fc.dictionary(fc.string(), fc.option(anyNumber)) })),
        anyNumber,
        anyNumber,
        fc.constantFrom(...SCORING_METHODS),
        fc.option(anyNumber, { nil: undefined }),
        (valuations, marks, maxPoints, share, m, targetReturn) => {
          const settings = { ...aTender(), maxPoints, quantitativeShare: share, method: m, targetReturn };
          const result = scoreBids(valuations, marks, settings);
          expect(typeof result.ok).toBe("boolean");
          expect(qualitativePoints(maxPoints, SCALE_0_5, share).ok).toEqual(expect.any(Boolean));
        },
      ),
    );
  });

  it("quantitative scores stay within [0, max_points]", () => {
    fc.assert(
      fc.property(money, fc.array(money), points, method, money, (v, vs, max, meth, t) => {
        const result = quantitativeScore(v, vs, max, meth, t + 0.01);
        expect(result.ok).toBe(true);
        const score = result.ok ? result.value : NaN;
        expect(score).toBeGreaterThanOrEqual(0);
        expect(score).toBeLessThanOrEqual(max);
      }),
    );
  });

  it("a tender's scores stay within [0, maxPoints] and each part within its share", () => {
    fc.assert(
      fc.property(
        fc.array(money, { maxLength: 8 }),
        fc.array(fc.constantFrom(0, 1, 2, 3, 4, 5), { maxLength: 8 }),
        points.filter((p) => p > 0),
        fc.integer({ min: 0, max: 100 }).map((n) => n / 100),
        method,
        fc.boolean(),
        (totals, marks, maxPoints, share, m, both) => {
          const settings = aTender({ maxPoints, quantitativeShare: share, method: m, requireBothParts: both });
          const available = pointsAvailable(settings);
          const scores = valueOf(
            scoreBids(
              totals.map((total, i) => ({ bidder: `B${i}`, total })),
              marks.map((mark, i) => ({ bidder: `B${i}`, marks: { Q1: mark, Q2: 5 - mark } })),
              settings,
            ),
          );
          for (const s of scores) {
            expect(s.score).toBeGreaterThanOrEqual(0);
            expect(s.score).toBeLessThanOrEqual(maxPoints);
            expect(s.quantitative).toBeLessThanOrEqual(available.quantitative);
            expect(s.qualitative).toBeLessThanOrEqual(available.qualitative * (1 + 1e-12));
          }
        },
      ),
    );
  });

  it.each(SCORING_METHODS.map((m) => [m]))("under the %s method a higher value never scores lower", (m) => {
    fc.assert(
      fc.property(money, money, fc.array(money), points, money, (x, y, others, max, t) => {
        const [low, high] = x <= y ? [x, y] : [y, x];
        const lowScore = valueOf(quantitativeScore(low, others, max, m, t + 0.01));
        const highScore = valueOf(quantitativeScore(high, others, max, m, t + 0.01));
        expect(highScore).toBeGreaterThanOrEqual(lowScore);
      }),
    );
  });

  it.each([["relative" as const], ["range" as const]])(
    "under the %s method scaling every bid by the same factor leaves the scores unchanged",
    (m) => {
      fc.assert(
        fc.property(money, fc.array(money, { maxLength: 6 }), points, fc.integer({ min: 1, max: 100_000 }).map((n) => n / 1000), (v, others, max, k) => {
          const before = valueOf(quantitativeScore(v, others, max, m));
          const after = valueOf(quantitativeScore(v * k, others.map((o) => o * k), max, m));
          // Exact maths is invariant; doubles may differ in the last digits of each ratio.
          expect(Math.abs(after - before)).toBeLessThanOrEqual(1e-9 * Math.max(1, max));
        }),
      );
    },
  );

  it("scaling every bid by a power of two leaves relative scores exactly unchanged", () => {
    fc.assert(
      fc.property(money, fc.array(money, { maxLength: 6 }), points, fc.integer({ min: -20, max: 20 }), (v, others, max, e) => {
        const k = 2 ** e;
        expect(valueOf(quantitativeScore(v * k, others.map((o) => o * k), max, "relative"))).toBe(
          valueOf(quantitativeScore(v, others, max, "relative")),
        );
      }),
    );
  });
});
