/**
 * Which file is which, and which tender: files of the same name, a copied workbook keeping its
 * tender id, a tender without one, and an acceptance carried to the next gather of the same file.
 */
import { gatheredEvaluation, type GatheredEvaluation } from "../../../src/core/portfolio/gathered";
import { planGather, type Acceptance, type GatherPlan } from "../../../src/core/portfolio/planGather";
import type { PortfolioRows } from "../../../src/core/portfolio/schema";
import type { ModerationSnapshot } from "../../../src/core/moderation/snapshot";
import { aGathered } from "./builders";

const NOW = new Date(Date.UTC(2027, 5, 1, 12, 0));
const gather = (existing: Partial<PortfolioRows>, gathered: readonly GatheredEvaluation[], acceptances: readonly Acceptance[] = []): GatherPlan => planGather(existing, gathered, acceptances, { now: NOW });

/** A workbook holding only SV Setup's settings, as the reader gives it. */
function aSetupOnly(settings: Record<string, unknown>): ModerationSnapshot {
  const cells = Object.fromEntries(Object.entries(settings).map(([k, value]) => [k, { value, sheet: "SV Setup", row: 1, column: 1 }]));
  return { settings: cells, tables: {}, sheets: new Map(), rollUpFixed: {}, syncs: 0 } as unknown as ModerationSnapshot;
}

describe("a tender without an SV_TenderId", () => {
  const wb = aSetupOnly({ tenderId: "", contractName: "Grounds maintenance", procurementStart: "2025-06-01" });
  const unsigned = gatheredEvaluation("Grounds.xlsx", wb, { status: "unsigned", changes: [] });
  const signed = gatheredEvaluation("Grounds.xlsx", wb, { status: "intact", changes: [], fingerprint: "cd".repeat(32), signedBy: "Dee Lead", signedAt: "2027-01-10T09:00:00.000Z" });

  it("has the same key before and after sign-off", () => {
    expect(signed.tender?.tenderKey).toBe(unsigned.tender?.tenderKey);
  });

  it("is one contract when gathered unsigned (accepted) and again once signed", () => {
    const first = gather({}, [unsigned], [{ fileName: "Grounds.xlsx", reason: "Signed on paper", by: "Sam", at: "2027-05-01T09:00:00.000Z" }]).tables;
    const again = gather(first, [signed]);
    expect(again.included).toEqual(["Grounds.xlsx"]);
    expect(again.tables.contracts.map((c) => [c.Contract, c.SignedBy])).toEqual([["Grounds maintenance", "Dee Lead"]]);
  });

  it("keeps the key a portfolio already holds for that file (an earlier gather's FP- key)", () => {
    const held = gather({}, [{ ...signed, tender: { ...signed.tender!, tenderKey: "FP-cdcdcdcdcdcd" } }]).tables;
    const again = gather(held, [signed]);
    expect(again.leftOut).toEqual([]);
    expect(again.tables.contracts.map((c) => c.TenderKey)).toEqual(["FP-cdcdcdcdcdcd"]);
    expect(again.tables.commitments).toHaveLength(held.commitments.length);
  });
});

describe("a re-tender without an SV_TenderId, saved under the old file's name", () => {
  const tender2024 = gatheredEvaluation("Grounds.xlsx", aSetupOnly({ tenderId: "", contractName: "Grounds maintenance", procurementStart: "2024-01-01", contractValue: 100 }), { status: "intact", changes: [], fingerprint: "a1".repeat(32), signedBy: "Dee Lead", signedAt: "2024-03-01T09:00:00.000Z" });
  const tender2027 = gatheredEvaluation("Grounds.xlsx", aSetupOnly({ tenderId: "", contractName: "Grounds maintenance", procurementStart: "2027-01-01", contractValue: 999 }), { status: "intact", changes: [], fingerprint: "b2".repeat(32), signedBy: "Dee Lead", signedAt: "2027-03-01T09:00:00.000Z" });

  it("is a contract of its own beside the one it replaces, whose figures stay", () => {
    const first = gather({}, [{ ...tender2024, contentHash: "11".repeat(32) }]).tables;
    const plan = gather(first, [{ ...tender2027, contentHash: "22".repeat(32) }]);
    expect(plan.tables.contracts.map((c) => [c.TenderKey, c.ProcurementStart, c.ContractValue])).toEqual([
      [tender2024.tender!.tenderKey, "2024-01-01", 100],
      [tender2027.tender!.tenderKey, "2027-01-01", 999],
    ]);
  });
});

describe("a workbook copied to start another tender (it keeps the first one's SV_TenderId)", () => {
  const first = gather({}, [aGathered()]).tables;
  const copied: GatheredEvaluation = { ...aGathered({ contract: "Street lighting", contractValuePence: 2_000_000_00, supplier: "Birch Homes" }), fileName: "Street lighting.xlsx", signature: { fingerprint: "ef".repeat(32), signedBy: "Dee Lead", signedAt: "2027-02-01T10:00:00.000Z" } };
  const acceptance: Acceptance = { fileName: "Street lighting.xlsx", reason: "A new tender started from a copy", by: "Sam", at: "2027-06-01T11:00:00.000Z" };

  it("is said to look like a different contract, with what differs", () => {
    const plan = gather(first, [copied]);
    expect(plan.leftOut).toEqual([
      {
        fileName: "Street lighting.xlsx",
        reasons: ["duplicate"],
        message:
          '"Street lighting.xlsx" holds a tender (T-1) the portfolio already has from "T-1.xlsx", but it looks like a different contract copied from "T-1.xlsx": its contract is Street lighting, not Grounds maintenance; its value is £2,000,000, not £1,000,000; its supplier is Birch Homes, not Acme Ltd. It was left out unless you accept it with a reason (it is then gathered as a contract of its own, T-1#efefefef).',
      },
    ]);
  });

  it("once accepted, is gathered as a contract of its own beside the first, and stays so when gathered again", () => {
    const plan = gather(first, [copied], [acceptance]);
    expect(plan.tables.contracts.map((c) => [c.TenderKey, c.Contract, c.SourceFile])).toEqual([
      ["T-1", "Grounds maintenance", "T-1.xlsx"],
      ["T-1#efefefef", "Street lighting", "Street lighting.xlsx"],
    ]);
    const again = gather(plan.tables, [aGathered(), copied]);
    expect(again.leftOut).toEqual([]);
    expect(again.tables.contracts.map((c) => c.TenderKey)).toEqual(["T-1", "T-1#efefefef"]);
    // Why that contract is there stays on its file's row.
    expect(again.tables.sources.find((s) => s.File === "Street lighting.xlsx")).toMatchObject({ TenderKey: "T-1#efefefef", Included: "Yes", AcceptedReason: "A new tender started from a copy", AcceptedBy: "Sam" });
  });

  it("in one batch, keeps the first file's contract when the copy is accepted", () => {
    const plan = gather({}, [aGathered(), copied], [acceptance]);
    expect(plan.included).toEqual(["T-1.xlsx", "Street lighting.xlsx"]);
    expect(plan.tables.contracts.map((c) => c.Contract)).toEqual(["Grounds maintenance", "Street lighting"]);
  });
});

describe("files of the same name from different folders", () => {
  const a: GatheredEvaluation = { ...aGathered({ tenderKey: "T-1" }), fileName: "Evaluation.xlsx", contentHash: "11".repeat(32) };
  const b: GatheredEvaluation = { ...aGathered({ tenderKey: "T-2", contract: "Street lighting" }), fileName: "Evaluation.xlsx", contentHash: "22".repeat(32) };

  it("are both gathered when they hold different tenders, each with its own PF_Sources row", () => {
    const plan = gather({}, [a, b]);
    expect(plan.tables.contracts.map((c) => c.TenderKey)).toEqual(["T-1", "T-2"]);
    expect(plan.tables.sources.map((s) => [s.File, s.TenderKey, s.Included])).toEqual([
      ["Evaluation.xlsx", "T-1", "Yes"],
      ["Evaluation.xlsx", "T-2", "Yes"],
    ]);
    expect(plan.messages.filter((m) => m.kind === "note")).toEqual([]);
  });

  it("do not overwrite each other's PF_Sources row at a later gather", () => {
    const first = gather({}, [a]).tables;
    const plan = gather(first, [b]);
    expect(plan.tables.sources.map((s) => s.TenderKey)).toEqual(["T-1", "T-2"]);
  });

  it("are taken by an acceptance that names one by its fingerprint, and only that one", () => {
    const unsignedA = { ...a, verdict: "unsigned" as const, signature: undefined };
    const unsignedB = { ...b, verdict: "unsigned" as const, signature: undefined };
    const plan = gather({}, [unsignedA, unsignedB], [{ fileName: "Evaluation.xlsx", fingerprint: b.contentHash, reason: "Signed on paper", by: "Sam", at: "" }]);
    expect(plan.tables.sources.map((s) => [s.TenderKey, s.Included])).toEqual([
      ["T-1", "No"],
      ["T-2", "Yes"],
    ]);
  });
});

describe("two files of the same name holding the same tender id, one accepted as a contract of its own", () => {
  const a: GatheredEvaluation = { ...aGathered(), fileName: "Evaluation.xlsx", contentHash: "11".repeat(32) };
  const b: GatheredEvaluation = { ...aGathered({ supplier: "Other Ltd", contractValuePence: 555_000_00 }), fileName: "Evaluation.xlsx", contentHash: "22".repeat(32), signature: { fingerprint: "cd".repeat(32), signedBy: "Dee Lead", signedAt: "2027-02-01T10:00:00.000Z" } };
  const accepted: Acceptance = { fileName: "Evaluation.xlsx", fingerprint: b.contentHash, reason: "A second contract let from a copy of the first workbook", by: "Sam", at: "2027-05-01T09:00:00.000Z" };

  it.each([
    ["the first, then the copy", [a, b]],
    ["the copy, then the first", [b, a]],
  ])("keep each its own contract when gathered again in either order (%s)", (_order, again) => {
    const first = gather({}, [a, b], [accepted]).tables;
    expect(first.contracts.map((c) => [c.TenderKey, c.Supplier])).toEqual([
      ["T-1", "Acme Ltd"],
      [`T-1#${"cd".repeat(4)}`, "Other Ltd"],
    ]);
    const plan = gather(first, again as GatheredEvaluation[]);
    expect(plan.leftOut).toEqual([]);
    expect(plan.tables.contracts.map((c) => [c.TenderKey, c.Supplier, c.ContractValue])).toEqual([
      ["T-1", "Acme Ltd", 1_000_000],
      [`T-1#${"cd".repeat(4)}`, "Other Ltd", 555_000],
    ]);
  });
});

describe("an accepted file gathered again", () => {
  const changed: GatheredEvaluation = { ...aGathered({ verdict: "changed", message: '"T-1.xlsx" was changed after it was signed off.', changedSheets: ["SV Scores"] }), contentHash: "33".repeat(32) };
  const acceptance: Acceptance = { fileName: "T-1.xlsx", reason: "Column widths only", by: "Sam Patel", at: "2027-06-01T11:00:00.000Z" };

  it("keeps its acceptance, and is taken again, when it is the same file", () => {
    const first = gather({}, [changed], [acceptance]).tables;
    const again = gather(first, [changed]);
    expect(again.included).toEqual(["T-1.xlsx"]);
    expect(again.tables.sources).toEqual([expect.objectContaining({ Included: "Yes", AcceptedReason: "Column widths only", AcceptedBy: "Sam Patel", AcceptedAt: "2027-06-01T11:00:00.000Z" })]);
    expect(again.messages).toContainEqual(expect.objectContaining({ kind: "accepted", text: expect.stringMatching(/Accepted by Sam Patel at an earlier gather: Column widths only$/) }));
  });

  it("does not take its tender back from the file it was since replaced by: that needs asking again", () => {
    const first = gather({}, [changed], [acceptance]).tables;
    const final = { ...aGathered(), fileName: "T-1 final.xlsx" };
    const replaced = gather(first, [final], [{ fileName: "T-1 final.xlsx", reason: "The final version", by: "Sam Patel", at: "" }]).tables;
    const again = gather(replaced, [changed]);
    expect(again.leftOut).toEqual([expect.objectContaining({ fileName: "T-1.xlsx", reasons: ["changed", "duplicate"] })]);
    expect(again.tables.contracts.map((c) => c.SourceFile)).toEqual(["T-1 final.xlsx"]);
  });

  it("asks again when the file was changed further since it was accepted", () => {
    const first = gather({}, [changed], [acceptance]).tables;
    const again = gather(first, [{ ...changed, changedSheets: ["SV Scores", "SV Commitments"], contentHash: "44".repeat(32) }]);
    expect(again.included).toEqual([]);
    expect(again.leftOut[0]?.message).toMatch(/Sam Patel accepted an earlier version of the file; accept it again to include it\.$/);
  });
});
