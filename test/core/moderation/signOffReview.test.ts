/**
 * Averaging is not moderation (Bromcom v United Learning Trust [2022] EWHC 3262 (TCC)), and a
 * consensus must rest on what the bid says (Braceurself v NHS England [2022]): what the panel
 * must record before the final review lets the record be signed, under each roll-up.
 */
import { analyse, planConsensus } from "../../../src/core/moderation/consensus";
import { signOffDecision, signOffReview } from "../../../src/core/moderation/signOffReview";
import type { RollUp } from "../../../src/core/setup/tenderTerms";
import { aSnapshot, aTable, CONSENSUS_HEADERS, MARK_HEADERS } from "./snapshotBuilders";

const AT = "2026-12-06T10:00:00.000Z";
const REASON = "Three named local training partners and 120 committed hours of mentoring meet the training criterion well.";

/**
 * Acme Ltd on Q1, marked by Ann and Ben, under `rollUp` (fixed when marking started), with
 * SV_Consensus's row as given: [Consensus, Rationale, AgreedBy].
 */
function aPanel(rollUp: RollUp, marks: [number, number], recorded: [unknown, string, string] = ["", "", ""], settings: Record<string, unknown> = {}) {
  return aSnapshot({
    settings: { rollUp, moderationOpen: "Yes", ...settings },
    rollUpFixed: { rollUp, at: "2026-12-01T09:00:00.000Z" },
    tables: {
      scores: aTable("scores", ["Bidder"], [["Acme Ltd"]]),
      marks: aTable("marks", MARK_HEADERS, [
        ["Ann", "Acme Ltd", "Q1", marks[0], "", AT],
        ["Ben", "Acme Ltd", "Q1", marks[1], "", AT],
      ]),
      consensus: aTable("consensus", CONSENSUS_HEADERS, [["Acme Ltd", "Q1", "", "", "", "", "", recorded[0], recorded[1], recorded[2], recorded[2] === "" ? "" : AT, "", "", ""]]),
    },
  });
}

function review(wb: ReturnType<typeof aPanel>) {
  const d = signOffReview(wb);
  if (!d.ok) throw new Error(d.refusal);
  return d.value;
}

describe("average and median roll-ups still need the panel's confirmation and reason", () => {
  it.each(["average", "median"] as const)("keeps a %s item open, and sign-off lists it, until the panel records its reason and who agreed", (rollUp) => {
    const wb = aPanel(rollUp, [4, 4]);
    expect(analyse(wb).items[0]).toMatchObject({ rolledUp: 4, status: "open" });
    const r = review(wb);
    expect(r.ready).toBe(false);
    expect(r.open).toContainEqual(
      expect.objectContaining({ kind: "moderation", sheet: "SV Moderation", message: expect.stringMatching(new RegExp(`^Acme Ltd, Q1: the panel has not confirmed the ${rollUp} mark 4`)) }),
    );
  });

  it("keeps an item open with a reason but no record of who agreed it", () => {
    expect(analyse(aPanel("average", [4, 4], ["", REASON, ""])).items[0]?.status).toBe("open");
  });

  it("closes the item, and lets the record be signed, once the reason and who agreed are recorded", () => {
    const wb = aPanel("average", [4, 4], ["", REASON, "Ann, Ben"]);
    expect(analyse(wb).items[0]).toMatchObject({ rolledUp: 4, status: "closed" });
    expect(review(wb)).toEqual({ open: [], ready: true });
  });

  it("checks the reason as it checks a consensus rationale: a placeholder keeps the item open", () => {
    const wb = aPanel("average", [4, 4], ["", "As discussed", "Ann, Ben"]);
    expect(analyse(wb).items[0]).toMatchObject({ status: "open", rationaleIssues: [expect.objectContaining({ code: "placeholder" })] });
    expect(review(wb).ready).toBe(false);
  });

  it("records the panel's confirmation of the average through the consensus flow, leaving the Consensus cell alone", () => {
    const d = planConsensus(aPanel("average", [3, 4]), { bidder: "Acme Ltd", criterion: "Q1", mark: 3.5, rationale: REASON, agreedBy: ["Ann", "Ben"] }, AT);
    if (!d.ok) throw new Error(d.refusal);
    expect(d.value.result).toEqual({ ok: true, agreedAt: AT });
    // Rationale (9), AgreedBy (10), AgreedAt (11): the average is the formula's, not typed.
    expect(d.value.plan.writes.map((w) => [w.column, w.values[0]?.[0]])).toEqual([
      [9, REASON],
      [10, "Ann, Ben"],
      [11, AT],
    ]);
  });

  it("refuses to confirm a mark other than the average, saying what the average is", () => {
    const d = planConsensus(aPanel("average", [3, 4]), { bidder: "Acme Ltd", criterion: "Q1", mark: 4, rationale: REASON, agreedBy: ["Ann"] }, AT);
    if (!d.ok) throw new Error(d.refusal);
    expect(d.value.result).toEqual({ ok: false, issues: [expect.objectContaining({ code: "not-the-roll-up", message: expect.stringContaining("3.5") })] });
    expect(d.value.plan.writes).toEqual([]);
  });
});

describe("a mark off the promised scale (Bromcom)", () => {
  it.each(["average", "median"] as const)("refuses sign-off of a %s of 3.5 on the whole-mark 0–5 scale, citing Bromcom", (rollUp) => {
    const wb = aPanel(rollUp, [3, 4], ["", REASON, "Ann, Ben"]);
    const r = review(wb);
    expect(r.open).toEqual([
      expect.objectContaining({
        kind: "moderation",
        sheet: "SV Moderation",
        message: expect.stringMatching(/^Acme Ltd, Q1: the .* mark 3\.5 is not a mark on the 0–5 scale .*Bromcom v United Learning Trust \[2022\] EWHC 3262 \(TCC\).*SV_TenderSaysAveraged/),
      }),
    ]);
    const d = signOffDecision(wb, "Ann");
    expect(d.ok ? "" : d.refusal).toMatch(/^The record cannot be signed yet: 1 thing is still open\. .*Bromcom/);
  });

  it("allows it when SV Setup records that the tender documents said marks would be averaged", () => {
    const wb = aPanel("average", [3, 4], ["", REASON, "Ann, Ben"], { tenderSaysAveraged: "Yes" });
    expect(review(wb)).toEqual({ open: [], ready: true });
    expect(signOffDecision(wb, "Ann").ok).toBe(true);
  });

  it("does not object to an average that is a mark on the scale", () => {
    expect(review(aPanel("average", [4, 4], ["", REASON, "Ann, Ben"])).ready).toBe(true);
  });
});

describe("a consensus that adopts one evaluator's mark (Braceurself)", () => {
  const ANSWER = "We will provide a stair climber for every resident who needs one within two weeks of referral, fitted by our own trained technicians.";
  const withAnswer = (wb: ReturnType<typeof aPanel>) => {
    wb.tables.answers = aTable("answers", ["Bidder", "Criterion", "Answer"], [["Acme Ltd", "Q1", ANSWER]]);
    return wb;
  };
  const GENERAL = "Strong and credible approach that meets the criterion well, with good evidence of delivery and value.";

  it("refuses a consensus of Ann's 4 over Ben's 2 whose rationale does not point to what the bid says", () => {
    const d = planConsensus(withAnswer(aPanel("consensus", [4, 2])), { bidder: "Acme Ltd", criterion: "Q1", mark: 4, rationale: GENERAL, agreedBy: ["Ann", "Ben"] }, AT);
    if (!d.ok) throw new Error(d.refusal);
    expect(d.value.result).toEqual({ ok: false, issues: [expect.objectContaining({ code: "no-bid-evidence", message: expect.stringContaining("Braceurself") })] });
    expect(d.value.plan.writes).toEqual([]);
  });

  it("keeps such a consensus typed into the sheet open, and sign-off says why", () => {
    const wb = withAnswer(aPanel("consensus", [4, 2], [4, GENERAL, "Ann, Ben"]));
    expect(analyse(wb).items[0]?.status).toBe("open");
    expect(review(wb).open).toContainEqual(expect.objectContaining({ message: expect.stringMatching(/^Acme Ltd, Q1: the rationale cannot close it: .*Braceurself/) }));
  });

  it("closes it when the rationale quotes the bid", () => {
    const quoted = `${GENERAL} The bid commits to “a stair climber for every resident who needs one”.`;
    expect(analyse(withAnswer(aPanel("consensus", [4, 2], [4, quoted, "Ann, Ben"]))).items[0]?.status).toBe("closed");
  });
});
