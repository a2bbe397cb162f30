/**
 * Issue #20's proof for the gather's foundation: signed evaluation workbooks built through the
 * real journey (sign-off included) and saved as .xlsx, a tampered one, a duplicate and foreign
 * files, read as the Portfolio page will read them and decided by planGather; then a second
 * gather that keeps what was typed in the portfolio.
 */
import { readFileSync } from "fs";
import { join } from "path";
import { buildResponseForm } from "../../src/forms/buildResponseForm";
import { readSignedEvaluation } from "../../src/forms/readSignedEvaluation";
import { planGather, type Acceptance } from "../../src/core/portfolio/planGather";
import type { PortfolioRows } from "../../src/core/portfolio/schema";
import { TABLES } from "../../src/core/shared/layout";
import { aFormTender } from "./formSupport";
import { aSignedTender, editAfterSignOff, enterOnRegister, serial, xlsxOf } from "./signedEvaluationSupport";

const NOW = new Date(Date.UTC(2027, 5, 1, 12, 0));

interface File {
  name: string;
  bytes: Uint8Array;
}

async function gather(existing: Partial<PortfolioRows>, files: readonly File[], acceptances: readonly Acceptance[] = []) {
  const read = await Promise.all(files.map((f) => readSignedEvaluation(f.name, f.bytes)));
  return planGather(existing, read, acceptances, { now: NOW });
}

let care: File;
let lighting: File;
let tampered: File;
let foreign: File[];
beforeAll(async () => {
  care = { name: "Domiciliary care.xlsx", bytes: await xlsxOf((await aSignedTender()).fake) };
  lighting = { name: "Street lighting.xlsx", bytes: await xlsxOf((await aSignedTender({ tenderId: "T-2026-0202", contractName: "Street lighting", contractValue: 6_000_000 })).fake) };
  const edited = await aSignedTender({ tenderId: "T-2026-0303", contractName: "Library cleaning" });
  await editAfterSignOff(edited.run, TABLES.commitments, "Acme Ltd", "ILL1", "Quantity", 60);
  tampered = { name: "Library cleaning.xlsx", bytes: await xlsxOf(edited.fake) };
  foreign = [
    { name: "Acme response.xlsx", bytes: await buildResponseForm(aFormTender()) },
    { name: "zip-bomb-declared.xlsx", bytes: new Uint8Array(readFileSync(join(__dirname, "hostile", "zip-bomb-declared.xlsx"))) },
  ];
}, 120_000);

describe("a gather of signed, tampered, duplicate and foreign files", () => {
  it("takes the signed and intact workbooks and leaves out the rest, each with its reason", async () => {
    const plan = await gather({}, [care, lighting, tampered, { name: "Domiciliary care - Copy.xlsx", bytes: care.bytes }, ...foreign]);
    expect(plan.included).toEqual([care.name, lighting.name]);
    expect(plan.leftOut.map((l) => [l.fileName, l.reasons])).toEqual([
      [tampered.name, ["changed"]],
      ["Domiciliary care - Copy.xlsx", ["duplicate"]],
      ["Acme response.xlsx", ["not-an-evaluation"]],
      ["zip-bomb-declared.xlsx", ["refused"]],
    ]);
    expect(plan.leftOut[0]?.message).toMatch(/was changed after it was signed off by Dee Lead .* \(SV Commitments\), so its figures are not the signed record: SV Commitments, row \d+ \(Acme Ltd, ILL1\): Quantity was 6, now 60\./);
    expect(plan.tables.contracts.map((c) => [c.TenderKey, c.Contract, c.ContractValue, c.Supplier, c.KpisRequired])).toEqual([
      ["T-2026-0101", "Domiciliary care, north locality", 1_000_000, "Acme Ltd", "No"],
      ["T-2026-0202", "Street lighting", 6_000_000, "Acme Ltd", "Yes"],
    ]);
    expect(plan.tables.commitments).toHaveLength(8);
    expect(plan.tables.offers).toHaveLength(4);
    expect(plan.tables.sources.map((s) => [s.File, s.Verdict, s.Included])).toEqual([
      [care.name, "Signed and intact", "Yes"],
      [lighting.name, "Signed and intact", "Yes"],
      [tampered.name, "Changed since sign-off", "No"],
      ["Domiciliary care - Copy.xlsx", "Duplicate", "No"],
      ["Acme response.xlsx", "Not an evaluation", "No"],
      ["zip-bomb-declared.xlsx", "Refused", "No"],
    ]);
  });

  it("takes the tampered workbook once accepted with a reason, and records it", async () => {
    const acceptance = { fileName: tampered.name, reason: "The panel corrected a typing slip; the lead re-checked the figure.", by: "Sam Patel", at: "2027-06-01T11:00:00.000Z" };
    const plan = await gather({}, [tampered], [acceptance]);
    expect(plan.included).toEqual([tampered.name]);
    expect(plan.tables.sources).toEqual([
      expect.objectContaining({ File: tampered.name, Verdict: "Changed since sign-off", ChangedSheets: "SV Commitments", Included: "Yes", AcceptedReason: acceptance.reason, AcceptedBy: "Sam Patel", AcceptedAt: acceptance.at }),
    ]);
    // The register (built before the edit) is what is gathered; the difference from the edited commitments is said.
    expect(plan.tables.commitments.find((c) => c.Ref === "ILL1")?.Committed).toBe(6);
    expect(plan.messages).toContainEqual({
      fileName: tampered.name,
      kind: "note",
      text: "SV Register is not part of the signed record, and it differs from SV Commitments: ILL1 is 6 on SV Register but 60 on SV Commitments. Rebuild the register, then gather again.",
    });
    expect(plan.messages).toContainEqual(expect.objectContaining({ kind: "accepted", text: expect.stringMatching(/Accepted by Sam Patel: The panel corrected a typing slip/) }));
  });
});

describe("gathering again", () => {
  it("updates due dates from the register and keeps what was typed in the portfolio, without duplicating a row", async () => {
    const tender = await aSignedTender();
    const first = await gather({}, [{ name: care.name, bytes: await xlsxOf(tender.fake) }]);
    // Typed in the portfolio since: a delivered figure, a status and notes.
    const typed: PortfolioRows = {
      ...first.tables,
      commitments: first.tables.commitments.map((r) =>
        r.Ref === "ILL1" ? { ...r, Delivered: 3, EvidenceNotes: "Q1 payroll seen" } : r.Ref === "ILL7" ? { ...r, Status: "Disputed with supplier" } : r
      ),
    };
    // Meanwhile the contract manager sets due dates on the evaluation's register (after sign-off).
    await enterOnRegister(tender.run, { ILL1: { "Due date": serial(2027, 3, 31) }, ILL7: { "Due date": serial(2028, 3, 31) } });
    const again = await gather(typed, [{ name: care.name, bytes: await xlsxOf(tender.fake) }]);

    expect(again.included).toEqual([care.name]);
    expect(again.tables.commitments).toHaveLength(first.tables.commitments.length);
    expect(again.tables.sources).toHaveLength(1);
    expect(again.tables.commitments.map((r) => [r.Ref, r.DueDate, r.Delivered, r.Status, r.EvidenceNotes, r.RuleStatus])).toEqual([
      ["ILL1", serial(2027, 3, 31), 3, "Not started", "Q1 payroll seen", "Behind"],
      ["ILL7", serial(2028, 3, 31), "", "Disputed with supplier", "", "Not started"],
      ["ILL9", "", "", "Not started", "", "Not started"],
      ["ILL12", "", "", "Not started", "", "Not started"],
    ]);
    // The delivered figure typed in the portfolio counts in its KPI: 3 of 6 FTE, and the due date has passed.
    expect(again.tables.kpis.find((k) => k.KPI === "Local employment")).toMatchObject({ Committed: 6, Delivered: 3, Achieved: 0.5, Rating: "Inadequate" });
  });

  it("keeps a due date cleared in the portfolio while the register still holds it, and takes the register's next one without a conflict", async () => {
    const tender = await aSignedTender();
    await enterOnRegister(tender.run, { ILL1: { "Due date": serial(2027, 3, 31) } });
    const first = await gather({}, [{ name: care.name, bytes: await xlsxOf(tender.fake) }]);
    // The contract manager clears the date in the portfolio: the milestone was dropped.
    const cleared: PortfolioRows = { ...first.tables, commitments: first.tables.commitments.map((r) => (r.Ref === "ILL1" ? { ...r, DueDate: "" } : r)) };

    const again = await gather(cleared, [{ name: care.name, bytes: await xlsxOf(tender.fake) }]);
    expect(again.tables.commitments.find((r) => r.Ref === "ILL1")?.DueDate).toBe("");

    await enterOnRegister(tender.run, { ILL1: { "Due date": serial(2027, 9, 30) } });
    const moved = await gather(again.tables, [{ name: care.name, bytes: await xlsxOf(tender.fake) }]);
    expect(moved.tables.commitments.find((r) => r.Ref === "ILL1")?.DueDate).toBe(serial(2027, 9, 30));
    expect([...again.messages, ...moved.messages].filter((m) => m.kind === "conflict")).toEqual([]);
  });
});
