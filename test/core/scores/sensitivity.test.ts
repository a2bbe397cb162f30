import fc from "fast-check";
import { quantitativeScore, type ScoringResult } from "../../../src/core/scores/scoring";
import { targetSensitivity, weightingSensitivity, type AwardBid, type TargetBid } from "../../../src/core/scores/sensitivity";

function valueOf<T>(result: ScoringResult<T>): T {
  if (!result.ok) throw new Error(`expected a value, got ${result.code}: ${result.message}`);
  return result.value;
}

/** Award totals at weighting w, worked out directly (the oracle for the closed-form answer). */
function winnersAt(bids: readonly AwardBid[], sv: number, other: number, w: number): string[] {
  const totals = bids.map((b) => (1 - w) * (b.other / other) + w * (b.socialValue / sv));
  const best = Math.max(...totals);
  return bids.filter((_, i) => best - (totals[i] as number) <= 1e-9).map((b) => b.bidder);
}

describe("weightingSensitivity", () => {
  // Social value 10 points (10%), everything else 90. Acme is stronger on price and quality,
  // Beta on social value: normalised o = 0.9 / 0.8, s = 0.2 / 0.9. Tie where
  // 0.9 + w(0.2 − 0.9) = 0.8 + w(0.9 − 0.8), i.e. w = 0.1 / 0.8 = 12.5%.
  const bids: AwardBid[] = [
    { bidder: "Acme", other: 81, socialValue: 2 },
    { bidder: "Beta", other: 72, socialValue: 9 },
  ];

  it("finds the weighting above which the runner-up would win", () => {
    const result = valueOf(weightingSensitivity({ bids, socialValueAvailable: 10, otherAvailable: 90, weighting: 0.1 }));
    expect(result.leaders).toEqual(["Acme"]);
    expect(result.above?.newWinner).toBe("Beta");
    expect(result.above?.weighting).toBeCloseTo(0.125, 12);
    expect(result.below).toBeUndefined();
    expect(result.note).toBe("The award would change if social value were weighted above 12.5% (now 10%): Beta would win instead of Acme.");
  });

  it("gives each bid's award total at the current weighting", () => {
    const result = valueOf(weightingSensitivity({ bids, socialValueAvailable: 10, otherAvailable: 90, weighting: 0.1 }));
    expect(result.totals[0]?.total).toBeCloseTo(0.83, 12);
    expect(result.totals[1]?.total).toBeCloseTo(0.81, 12);
  });

  it("finds the weighting below which the runner-up would win when the leader leads on social value", () => {
    const result = valueOf(weightingSensitivity({ bids, socialValueAvailable: 10, otherAvailable: 90, weighting: 0.2 }));
    expect(result.leaders).toEqual(["Beta"]);
    expect(result.below?.newWinner).toBe("Acme");
    expect(result.below?.weighting).toBeCloseTo(0.125, 12);
    expect(result.note).toBe("The award would change if social value were weighted below 12.5% (now 20%): Acme would win instead of Beta.");
  });

  it("says no weighting changes the winner when the leader is ahead on both parts", () => {
    const result = valueOf(
      weightingSensitivity({
        bids: [
          { bidder: "Acme", other: 80, socialValue: 9 },
          { bidder: "Beta", other: 70, socialValue: 5 },
        ],
        socialValueAvailable: 10,
        otherAvailable: 90,
        weighting: 0.1,
      }),
    );
    expect(result.above).toBeUndefined();
    expect(result.below).toBeUndefined();
    expect(result.note).toMatch(/^No weighting between 0% and 100% changes the winner/);
  });

  it("names the first bid to overtake, not the runner-up at the current weighting", () => {
    // At 5%: Acme 0.95, Beta 0.944, Cura 0.937. Beta would tie with Acme at 10%, but Cura,
    // gaining faster, ties at 0.0667 / 1.0667 = 6.25% and overtakes first.
    const three: AwardBid[] = [
      { bidder: "Acme", other: 90, socialValue: 0 },
      { bidder: "Beta", other: 89, socialValue: 1 },
      { bidder: "Cura", other: 84, socialValue: 10 },
    ];
    const result = valueOf(weightingSensitivity({ bids: three, socialValueAvailable: 10, otherAvailable: 90, weighting: 0.05 }));
    const w = result.above?.weighting ?? NaN;
    expect(result.above?.newWinner).toBe("Cura");
    expect(w).toBeCloseTo(0.0625, 12);
    expect(winnersAt(three, 10, 90, w - 1e-6)).toEqual(["Acme"]);
    expect(winnersAt(three, 10, 90, w + 1e-6)).toEqual(["Cura"]);
  });

  it("reports a tie at the current weighting and which way each bid is favoured", () => {
    const result = valueOf(
      weightingSensitivity({
        bids: [
          { bidder: "Acme", other: 90, socialValue: 0 },
          { bidder: "Beta", other: 80, socialValue: 10 },
        ],
        socialValueAvailable: 10,
        otherAvailable: 90,
        // 1 − w = 80/90 (1 − w) + w → w = 1/10.
        weighting: 0.1,
      }),
    );
    expect(result.leaders).toEqual(["Acme", "Beta"]);
    expect(result.above).toEqual({ weighting: 0.1, newWinner: "Beta" });
    expect(result.below).toEqual({ weighting: 0.1, newWinner: "Acme" });
    expect(result.note).toBe("Acme and Beta tie at the current weighting (10%): a higher social value weighting favours Beta, a lower one favours Acme.");
  });

  it("returns NUM for points above what is available", () => {
    const result = weightingSensitivity({ bids: [{ bidder: "Acme", other: 95, socialValue: 1 }], socialValueAvailable: 10, otherAvailable: 90, weighting: 0.1 });
    expect(result).toMatchObject({ ok: false, code: "NUM" });
  });

  it("returns NUM for a weighting above 100%", () => {
    expect(weightingSensitivity({ bids, socialValueAvailable: 10, otherAvailable: 90, weighting: 1.5 })).toMatchObject({ ok: false, code: "NUM" });
  });

  it("agrees with the totals worked out directly at weightings either side of each change", () => {
    const bid = fc.record({
      bidder: fc.constant(""),
      other: fc.integer({ min: 0, max: 900 }).map((n) => n / 10),
      socialValue: fc.integer({ min: 0, max: 100 }).map((n) => n / 10),
    });
    fc.assert(
      fc.property(fc.array(bid, { minLength: 2, maxLength: 5 }), fc.integer({ min: 1, max: 99 }), (raw, pct) => {
        const all = raw.map((b, i) => ({ ...b, bidder: `B${i}` }));
        const w0 = pct / 100;
        const result = valueOf(weightingSensitivity({ bids: all, socialValueAvailable: 10, otherAvailable: 90, weighting: w0 }));
        if (result.leaders.length !== 1) return;
        const leader = result.leaders[0];
        const upTo = result.above?.weighting ?? 1;
        const downTo = result.below?.weighting ?? 0;
        // Between the two changes the leader keeps winning (sampled)...
        for (let i = 1; i < 10; i++) {
          const w = downTo + ((upTo - downTo) * i) / 10;
          expect(winnersAt(all, 10, 90, w)).toContain(leader);
        }
        // ...and just beyond each change the named bid wins.
        if (result.above && upTo + 1e-7 < 1) expect(winnersAt(all, 10, 90, upTo + 1e-7)).toContain(result.above.newWinner);
        if (result.below && downTo - 1e-7 > 0) expect(winnersAt(all, 10, 90, downTo - 1e-7)).toContain(result.below.newWinner);
      }),
    );
  });
});

describe("targetSensitivity", () => {
  // Essex-style target of 25p per £1 on £1m (£250,000); 10 quantitative points.
  // Acme: £240,000 and 2 qualitative points → 9.6 + 2 = 11.6.
  // Beta: £100,000 and 5 qualitative points → 4 + 5 = 9.
  // Lower target: both capped once T ≤ £100,000? No: Acme is capped first (T ≤ £240,000), and
  //   10 + 2 = 10 × 100,000 / T + 5  →  T = £142,857.14 (Beta leads below it).
  // Higher target: 10 × 240,000 / T + 2 = 10 × 100,000 / T + 5  →  T = £466,666.67.
  const bids: TargetBid[] = [
    { bidder: "Acme", value: 240_000, qualitative: 2 },
    { bidder: "Beta", value: 100_000, qualitative: 5 },
  ];

  it("finds the targets either side at which the top two swap", () => {
    const result = valueOf(targetSensitivity({ bids, quantitativeAvailable: 10, target: 250_000, contractValue: 1_000_000 }));
    expect(result.top.map((t) => t.bidder)).toEqual(["Acme", "Beta"]);
    expect(result.top[0]?.score).toBeCloseTo(11.6, 12);
    expect(result.lower?.target).toBeCloseTo(1_000_000 / 7, 6);
    expect(result.higher?.target).toBeCloseTo(1_400_000 / 3, 6);
    expect(result.higher?.targetReturn).toBeCloseTo(1.4 / 3, 12);
    expect(result.note).toBe(
      "The top two social value scores (Acme ahead of Beta) would swap if the target were below 14.3% (£142,857) or above 46.7% (£466,667) of the contract value (now 25%, £250,000).",
    );
  });

  it("says no target in range changes the order when the leader is ahead on both parts", () => {
    const result = valueOf(
      targetSensitivity({
        bids: [
          { bidder: "Acme", value: 300_000, qualitative: 5 },
          { bidder: "Beta", value: 100_000, qualitative: 3 },
        ],
        quantitativeAvailable: 10,
        target: 250_000,
        contractValue: 1_000_000,
      }),
    );
    expect(result.higher).toBeUndefined();
    expect(result.lower).toBeUndefined();
    expect(result.note).toMatch(/^No target between 0% and 100% of the contract value changes the order/);
  });

  it("ignores a change beyond the highest sensible target", () => {
    const result = valueOf(
      targetSensitivity({ bids, quantitativeAvailable: 10, target: 250_000, contractValue: 1_000_000, maxTargetReturn: 0.4 }),
    );
    expect(result.higher).toBeUndefined();
    expect(result.lower).toBeDefined();
  });

  it("agrees with SVSCORE's target scoring either side of each change", () => {
    const sv = (b: TargetBid, T: number): number => valueOf(quantitativeScore(b.value, [], 10, "target", T)) + b.qualitative;
    const bid = fc.record({
      bidder: fc.constant(""),
      value: fc.integer({ min: 0, max: 800 }).map((n) => n * 1000),
      qualitative: fc.integer({ min: 0, max: 10 }),
    });
    fc.assert(
      fc.property(bid, bid, fc.integer({ min: 5, max: 95 }), (x, y, pct) => {
        const pair = [
          { ...x, bidder: "X" },
          { ...y, bidder: "Y" },
        ];
        const T0 = pct * 10_000;
        const result = valueOf(targetSensitivity({ bids: pair, quantitativeAvailable: 10, target: T0, contractValue: 1_000_000 }));
        if (result.tied) return;
        const [first, second] = result.top.map((t) => pair.find((p) => p.bidder === t.bidder) as TargetBid);
        const ahead = (T: number): boolean => sv(first as TargetBid, T) - sv(second as TargetBid, T) >= -1e-9;
        const hi = result.higher?.target ?? 1_000_000;
        const lo = result.lower?.target ?? 0;
        for (let i = 1; i < 10; i++) expect(ahead(lo + ((hi - lo) * i) / 10)).toBe(true);
        if (result.higher) expect(ahead(result.higher.target * (1 + 1e-6))).toBe(false);
        if (result.lower) expect(ahead(result.lower.target * (1 - 1e-6))).toBe(false);
      }),
    );
  });

  it("returns NUM for a target that is not above £0", () => {
    expect(targetSensitivity({ bids, quantitativeAvailable: 10, target: 0, contractValue: 1_000_000 })).toMatchObject({ ok: false, code: "NUM" });
  });
});

describe("weightingSensitivity notes", () => {
  it("names both changes when the winner changes on either side", () => {
    // Acme leads at 10%; Beta (social value) overtakes above, Cura (price/quality) below.
    const result = valueOf(
      weightingSensitivity({
        bids: [
          { bidder: "Acme", other: 85, socialValue: 6 },
          { bidder: "Beta", other: 72, socialValue: 10 },
          { bidder: "Cura", other: 90, socialValue: 0 },
        ],
        socialValueAvailable: 10,
        otherAvailable: 90,
        weighting: 0.1,
      }),
    );
    expect(result.note).toMatch(
      /^The award would change if social value were weighted above [\d.]+% or below [\d.]+% \(now 10%\): Beta would win above, Cura below, instead of Acme\.$/,
    );
  });
});
