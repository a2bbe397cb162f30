/**
 * Bromcom v United Learning Trust [2022] EWHC 3262 (TCC) through the workbook: under an average
 * roll-up every item still needs the panel's confirmation and reason, and an average between the
 * scale's marks is signed off only when SV Setup records that the tender said marks are averaged.
 */
import { SETTING_NAMES, SHEETS, TABLES } from "../../../src/core/shared/layout";
import { aMarkingWorkbook, PANEL_MARKS, RATIONALES, rowsOf } from "./moderationSupport";
import { namedCell } from "../support";

/** Ann, Ben and Cat marked every item under the average roll-up; moderation is open. */
async function averagedAndOpen(tenderSaysAveraged: boolean) {
  const wb = await aMarkingWorkbook({ rollUp: "average", tenderSaysAveraged });
  await wb.actions.prepareMarking();
  for (const [evaluator, marks] of Object.entries(PANEL_MARKS)) await wb.actions.saveMarks(evaluator, marks);
  await wb.actions.openModeration();
  return wb;
}

/** The panel confirms each item's average with its reason, through the Record consensus flow. */
async function confirmEveryItem(wb: Awaited<ReturnType<typeof averagedAndOpen>>) {
  const view = await wb.actions.readModeration();
  for (const item of view.items) {
    const result = await wb.actions.recordConsensus({
      bidder: item.bidder,
      criterion: item.criterion,
      mark: item.rolledUp as number,
      rationale: RATIONALES[`${item.bidder}|${item.criterion}`]!,
      agreedBy: ["Ann", "Ben", "Cat"],
    });
    if (!result.ok) throw new Error(`test set-up: ${result.issues.map((i) => i.message).join(" ")}`);
  }
}

describe("the average roll-up in the workbook", () => {
  it("writes SV_TenderSaysAveraged on SV Setup, No unless the tender said so", async () => {
    expect(namedCell((await aMarkingWorkbook({ rollUp: "average" })).fake, SETTING_NAMES.tenderSaysAveraged).value).toBe("No");
    expect(namedCell((await aMarkingWorkbook({ rollUp: "average", tenderSaysAveraged: true })).fake, SETTING_NAMES.tenderSaysAveraged).value).toBe("Yes");
  });

  it("shows every item Open until the panel confirms its average, then Closed, leaving the average as the Mark", async () => {
    const wb = await averagedAndOpen(false);
    const before = rowsOf(wb.fake, TABLES.consensus);
    expect(before.map((r) => r.Status)).toEqual(["Open", "Open", "Open", "Open"]);
    const review = await wb.actions.reviewSignOff();
    expect(review.open.filter((o) => /the panel has not confirmed the average mark/.test(o.message))).toHaveLength(4);

    await confirmEveryItem(wb);
    const after = rowsOf(wb.fake, TABLES.consensus);
    expect(after.map((r) => r.Status)).toEqual(["Closed", "Closed", "Closed", "Closed"]);
    // Acme Ltd on Q2: Ann 4, Ben 3, Cat 4. The Consensus cell is left blank; Mark is the formula's.
    const acmeQ2 = after.find((r) => r.Bidder === "Acme Ltd" && r.Criterion === "Q2");
    expect(acmeQ2?.Consensus).toBe("");
    expect(acmeQ2?.Mark).toBeCloseTo(11 / 3, 10);
  });

  it("refuses sign-off of 3.67 on the whole-mark 0–5 scale when the tender did not say marks would be averaged", async () => {
    const wb = await averagedAndOpen(false);
    await confirmEveryItem(wb);
    const review = await wb.actions.reviewSignOff();
    expect(review.ready).toBe(false);
    // Acme Ltd Q2 (3.67) and Birch Homes Q2 (2.33) are off the scale; Q1's averages are 4 and 2.
    expect(review.open.map((o) => o.message)).toEqual([
      expect.stringMatching(/^Acme Ltd, Q2: the average mark 3\.67 is not a mark on the 0–5 scale .*Bromcom v United Learning Trust \[2022\] EWHC 3262 \(TCC\)/),
      expect.stringMatching(/^Birch Homes, Q2: the average mark 2\.33 is not a mark on the 0–5 scale/),
    ]);
    expect(review.open[0]).toMatchObject({ sheet: SHEETS.moderation });
    await expect(wb.actions.signOff("Dee Lead")).rejects.toThrow(/cannot be signed yet.*Bromcom/);
  });

  it("signs off the same marks when SV Setup records that the tender documents said marks would be averaged", async () => {
    const wb = await averagedAndOpen(true);
    await confirmEveryItem(wb);
    expect((await wb.actions.reviewSignOff()).open).toEqual([]);
    const signed = await wb.actions.signOff("Dee Lead");
    expect(signed.fingerprint).toMatch(/^[0-9a-f]{64}$/);
  });
});
