import { excelDay, planGather, type GatherPlan } from "../../../src/core/portfolio/planGather";
import type { PortfolioRows } from "../../../src/core/portfolio/schema";
import { aCommitment, aGathered, anOffer } from "./builders";

const NOW = new Date(Date.UTC(2027, 5, 1, 12, 0));
const TODAY = excelDay(NOW);
const gather = (existing: Partial<PortfolioRows>, gathered: Parameters<typeof planGather>[1], acceptances: Parameters<typeof planGather>[2] = []): GatherPlan =>
  planGather(existing, gathered, acceptances, { now: NOW });
const byKey = <T extends Record<string, unknown>>(rows: readonly T[], key: string): Record<string, T> => Object.fromEntries(rows.map((r) => [String(r[key]), r]));

describe("a first gather", () => {
  const plan = gather({}, [aGathered()]);

  it("takes an intact file and says so", () => {
    expect(plan.included).toEqual(["T-1.xlsx"]);
    expect(plan.leftOut).toEqual([]);
    expect(plan.messages).toEqual([{ fileName: "T-1.xlsx", kind: "included", text: '"T-1.xlsx" is signed and intact.' }]);
  });

  it("writes the contract with its value in pounds to the penny, its return and whether the Act asks for KPIs", () => {
    expect(plan.tables.contracts).toEqual([
      expect.objectContaining({ TenderKey: "T-1", SourceFile: "T-1.xlsx", Contract: "Grounds maintenance", ContractValue: 1_000_000, SocialValue: 250_000, Return: 0.25, Commitments: 2, AwardYear: 2026, KpisRequired: "No", Supplier: "Acme Ltd", StartDate: "", ContractManager: "" }),
    ]);
  });

  it("says the Act asks for KPIs over £5 million with VAT, for a procurement the Act governs", () => {
    const kpis = (pence: number, vatBasis: string, procurementStart = "2025-06-01"): unknown => {
      const g = aGathered();
      return gather({}, [{ ...g, tender: { ...g.tender!, contractValuePence: pence, vatBasis, procurementStart } }]).tables.contracts[0]?.KpisRequired;
    };
    expect(kpis(5_000_000_01, "including")).toBe("Yes");
    expect(kpis(5_000_000_00, "including")).toBe("No");
    // £4.5m without VAT is £5.4m with it.
    expect(kpis(4_500_000_00, "excluding")).toBe("Yes");
    expect(kpis(4_500_000_00, "none")).toBe("No");
    // Begun before 24 February 2025: the Public Contracts Regulations 2015, which have no such duty.
    expect(kpis(9_000_000_00, "including", "2025-02-23")).toBe("No");
  });

  it("keys each commitment by tender, supplier, ref and line, and starts its Status at the rule's", () => {
    expect(plan.tables.commitments.map((r) => [r.CommitmentKey, r.RuleStatus, r.Status, r.InLatestGather])).toEqual([
      ["T-1|ACME LTD|ILL1|1", "Not started", "Not started", "Yes"],
      ["T-1|ACME LTD|ILL7|1", "Not started", "Not started", "Yes"],
    ]);
  });

  it("lists the offers, a KPI per KPI fed, the totals and the source", () => {
    expect(plan.tables.offers).toEqual([expect.objectContaining({ OfferKey: "T-1|ACME LTD|NORTHGATE PRIMARY|1", RecipientType: "School", Value: 1200, Area: "" })]);
    expect(plan.tables.kpis.map((k) => [k.KpiKey, k.Unit, k.Committed, k.Delivered, k.Rating])).toEqual([
      ["T-1|Local employment", "FTE", 10, "", "Other"],
      ["T-1|Local spend", "£", 150_000, "", "Other"],
    ]);
    expect(plan.tables.totals.map((t) => [t.TotalKey, t.Contracts, t.Commitments, t.CommittedValue])).toEqual([
      ["Theme|Growth", 1, 1, 75_000],
      ["Theme|Jobs", 1, 1, 100_000],
      ["Supplier|Acme Ltd", 1, 2, 175_000],
      ["Year|2026", 1, 2, 175_000],
    ]);
    expect(plan.tables.sources).toEqual([
      expect.objectContaining({ File: "T-1.xlsx", TenderKey: "T-1", Verdict: "Signed and intact", Included: "Yes", AcceptedReason: "", GatheredAt: NOW.toISOString(), Fingerprint: "ab".repeat(32) }),
    ]);
  });
});

describe("gathering a tender again", () => {
  const first = gather({}, [aGathered()]).tables;
  // What the portfolio user typed since: a status, notes, a delivered figure, a KPI target and a column of their own.
  const typed: Partial<PortfolioRows> = {
    ...first,
    commitments: first.commitments.map((r) => (r.Ref === "ILL1" ? { ...r, Status: "Evidence requested", EvidenceNotes: "Payroll for Q1 seen", Delivered: 4, Owner: "Sam" } : r)) as PortfolioRows["commitments"],
    kpis: first.kpis.map((k) => (k.KPI === "Local employment" ? { ...k, Target: 8 } : k)),
    contracts: first.contracts.map((c) => ({ ...c, ContractManager: "Sam Patel" })),
  };
  const due = TODAY - 10;
  const again = gather(typed, [aGathered({ commitments: [aCommitment({ ref: "ILL1", kpi: "Local employment", dueDate: due }), aCommitment({ ref: "ILL7", unit: "£", theme: "Growth", committed: 150_000, committedPence: 75_000_00, kpi: "Local spend", delivered: 50_000 })] })]);

  it("updates the rows without duplicating one", () => {
    expect(again.tables.commitments).toHaveLength(2);
    expect(again.tables.contracts).toHaveLength(1);
    expect(again.tables.sources).toHaveLength(1);
  });

  it("keeps what the portfolio user typed and takes new due dates and delivered figures from the workbook", () => {
    const rows = byKey(again.tables.commitments, "Ref");
    expect(rows.ILL1).toMatchObject({ Status: "Evidence requested", EvidenceNotes: "Payroll for Q1 seen", Delivered: 4, Owner: "Sam", DueDate: due, RuleStatus: "Behind" });
    expect(rows.ILL7).toMatchObject({ Delivered: 50_000, DeliveredValue: 25_000, RuleStatus: "On track", Status: "Not started" });
    expect(again.tables.contracts[0]).toMatchObject({ ContractManager: "Sam Patel" });
  });

  it("rates a KPI on the target typed in the portfolio and drafts the notice", () => {
    const kpis = byKey(again.tables.kpis, "KPI");
    expect(kpis["Local employment"]).toMatchObject({ Target: 8, Delivered: 4, Achieved: 0.5, Rating: "Inadequate" });
    expect(kpis["Local employment"]?.NoticeDraft).toBe("Grounds maintenance, Acme Ltd. KPI: Local employment. Rating: Inadequate. Performance is significantly below the KPI (4 FTE against a target of 8 FTE).");
    // Nothing of local spend is due yet (no due date counts as due): a third delivered is rated.
    expect(kpis["Local spend"]).toMatchObject({ Target: "", Committed: 150_000, Delivered: 50_000, Rating: "Inadequate" });
  });

  it("takes the workbook's figure over a different one typed in the portfolio, and gives the one replaced", () => {
    const withTyped = { ...typed, commitments: typed.commitments!.map((r) => (r.Ref === "ILL7" ? { ...r, Delivered: 40_000 } : r)) };
    const plan = gather(withTyped, [aGathered({ commitments: [aCommitment({ ref: "ILL7", unit: "£", committed: 150_000, committedPence: 75_000_00, delivered: 50_000 })] })]);
    expect(byKey(plan.tables.commitments, "Ref").ILL7?.Delivered).toBe(50_000);
    expect(plan.messages).toContainEqual({ fileName: "T-1.xlsx", kind: "conflict", text: "Grounds maintenance, ILL7: Delivered was 40000 in the portfolio and is 50000 in the workbook now; the workbook's was taken." });
  });

  it("keeps a row the workbook no longer lists, marked, and leaves it out of the KPIs and totals", () => {
    const plan = gather(typed, [aGathered({ commitments: [aCommitment({ ref: "ILL7", unit: "£", theme: "Growth", committed: 150_000, committedPence: 75_000_00, kpi: "Local spend" })] })]);
    expect(byKey(plan.tables.commitments, "Ref").ILL1).toMatchObject({ InLatestGather: "No", Status: "Evidence requested", Delivered: 4 });
    expect(plan.tables.totals.find((t) => t.TotalKey === "Supplier|Acme Ltd")).toMatchObject({ Commitments: 1, CommittedValue: 75_000 });
    expect(byKey(plan.tables.kpis, "KPI")["Local employment"]).toMatchObject({ Committed: 0, Target: 8 });
    expect(plan.messages).toContainEqual(expect.objectContaining({ kind: "note", text: expect.stringMatching(/^1 row is no longer in "T-1\.xlsx" \(1 commitment, 0 offers\); kept in the portfolio with InLatestGather No/) }));
  });

  it("leaves other tenders' rows as they were", () => {
    const plan = gather(typed, [aGathered({ tenderKey: "T-2", contract: "Street lighting" })]);
    expect(plan.tables.contracts.map((c) => c.TenderKey)).toEqual(["T-1", "T-2"]);
    expect(byKey(plan.tables.commitments, "CommitmentKey")["T-1|ACME LTD|ILL1|1"]).toMatchObject({ Status: "Evidence requested", Owner: "Sam" });
    expect(plan.tables.totals.find((t) => t.TotalKey === "Supplier|Acme Ltd")).toMatchObject({ Contracts: 2, Commitments: 4 });
  });
});

describe("files left out", () => {
  const changed = aGathered({ verdict: "changed", message: '"T-1.xlsx" was changed after it was signed off.', changedSheets: ["SV Scores"] });
  const unsigned = aGathered({ tenderKey: "T-2", verdict: "unsigned", message: '"T-2.xlsx" has not been signed off.' });

  it("leaves out a changed and an unsigned workbook, each with its sentence", () => {
    const plan = gather({}, [changed, unsigned]);
    expect(plan.included).toEqual([]);
    expect(plan.leftOut).toEqual([
      { fileName: "T-1.xlsx", reasons: ["changed"], message: '"T-1.xlsx" was changed after it was signed off.' },
      { fileName: "T-2.xlsx", reasons: ["unsigned"], message: '"T-2.xlsx" has not been signed off.' },
    ]);
    expect(plan.tables.contracts).toEqual([]);
    expect(plan.tables.sources.map((s) => [s.File, s.Verdict, s.Included, s.ChangedSheets])).toEqual([
      ["T-1.xlsx", "Changed since sign-off", "No", "SV Scores"],
      ["T-2.xlsx", "Not signed", "No", ""],
    ]);
  });

  it("takes one the user accepts with a reason, and records who, when and why", () => {
    const plan = gather({}, [changed], [{ fileName: "t-1.xlsx", reason: " Column widths only; checked with the lead. ", by: "Sam Patel", at: "2027-06-01T11:00:00.000Z" }]);
    expect(plan.included).toEqual(["T-1.xlsx"]);
    expect(plan.tables.sources[0]).toMatchObject({ Verdict: "Changed since sign-off", Included: "Yes", AcceptedReason: "Column widths only; checked with the lead.", AcceptedBy: "Sam Patel", AcceptedAt: "2027-06-01T11:00:00.000Z" });
    expect(plan.messages).toEqual([{ fileName: "T-1.xlsx", kind: "accepted", text: '"T-1.xlsx" was changed after it was signed off. Accepted by Sam Patel: Column widths only; checked with the lead.' }]);
  });

  it("does not use an acceptance without a reason or a name", () => {
    const plan = gather({}, [changed], [{ fileName: "T-1.xlsx", reason: " ", by: "Sam", at: "" }]);
    expect(plan.included).toEqual([]);
    expect(plan.messages[0]).toEqual({ fileName: "T-1.xlsx", kind: "note", text: 'The acceptance of "T-1.xlsx" was not used: it needs a reason and the name of who accepts it.' });
  });

  it("never takes a refused file or one that is not an evaluation, accepted or not", () => {
    const foreign = { ...aGathered(), fileName: "budget.xlsx", verdict: "not-an-evaluation" as const, message: '"budget.xlsx" is not a social value evaluation workbook.', tender: undefined, commitments: [], offers: [] };
    const plan = gather({}, [foreign], [{ fileName: "budget.xlsx", reason: "It is ours", by: "Sam", at: "" }]);
    expect(plan.included).toEqual([]);
    expect(plan.leftOut).toEqual([{ fileName: "budget.xlsx", reasons: ["not-an-evaluation"], message: '"budget.xlsx" is not a social value evaluation workbook. It cannot be accepted: it holds no evaluation to gather.' }]);
    expect(plan.tables.sources[0]).toMatchObject({ Verdict: "Not an evaluation", TenderKey: "", Included: "No" });
  });
});

describe("duplicates", () => {
  const copy = { ...aGathered(), fileName: "T-1 - Copy.xlsx" };

  it("leaves out a second file for a tender already in the batch", () => {
    const plan = gather({}, [aGathered(), copy]);
    expect(plan.included).toEqual(["T-1.xlsx"]);
    expect(plan.leftOut).toEqual([
      { fileName: "T-1 - Copy.xlsx", reasons: ["duplicate"], message: '"T-1 - Copy.xlsx" holds the same tender (Grounds maintenance) as "T-1.xlsx", gathered in this batch, so it was left out unless you accept it with a reason (it then replaces that file).' },
    ]);
    expect(plan.tables.commitments).toHaveLength(2);
    expect(plan.tables.sources.map((s) => [s.File, s.Verdict, s.Included])).toEqual([
      ["T-1.xlsx", "Signed and intact", "Yes"],
      ["T-1 - Copy.xlsx", "Duplicate", "No"],
    ]);
  });

  it("gathers a file chosen twice once, and says so", () => {
    const plan = gather({}, [aGathered(), aGathered()]);
    expect(plan.included).toEqual(["T-1.xlsx"]);
    expect(plan.leftOut).toEqual([]);
    expect(plan.tables.sources).toEqual([expect.objectContaining({ File: "T-1.xlsx", Included: "Yes" })]);
    expect(plan.messages).toContainEqual({ fileName: "T-1.xlsx", kind: "note", text: '"T-1.xlsx" was chosen twice; it was gathered once.' });
  });

  it("takes an accepted duplicate in place of the first", () => {
    const plan = gather({}, [aGathered(), copy], [{ fileName: "T-1 - Copy.xlsx", reason: "The lead's copy is the final one", by: "Sam", at: "2027-06-01" }]);
    expect(plan.included).toEqual(["T-1 - Copy.xlsx"]);
    expect(plan.leftOut).toEqual([{ fileName: "T-1.xlsx", reasons: ["duplicate"], message: '"T-1.xlsx" was replaced by "T-1 - Copy.xlsx", accepted for the same tender.' }]);
    expect(plan.tables.contracts.map((c) => c.SourceFile)).toEqual(["T-1 - Copy.xlsx"]);
  });

  it("leaves out a file whose tender the portfolio holds from another file, and updates it from the same file", () => {
    const first = gather({}, [aGathered()]).tables;
    const other = gather(first, [copy]);
    expect(other.leftOut).toEqual([expect.objectContaining({ fileName: "T-1 - Copy.xlsx", reasons: ["duplicate"], message: expect.stringMatching(/already has from "T-1\.xlsx", so it was left out unless you accept it with a reason \(it then updates that tender\)\.$/) })]);
    const same = gather(first, [{ ...aGathered(), fileName: "t-1.XLSX" }]);
    expect(same.included).toEqual(["t-1.XLSX"]);
    expect(same.tables.contracts).toHaveLength(1);
  });
});

describe("totals", () => {
  it("add £ in pence, by theme, supplier and award year", () => {
    const pennies = aGathered({
      commitments: [aCommitment({ ref: "A", theme: "Social", committedPence: 10, committed: 1, delivered: 1 }), aCommitment({ ref: "B", theme: "Social", committedPence: 20, committed: 3, delivered: 1 })],
    });
    const later = aGathered({ tenderKey: "T-2", signedAt: "2027-01-15T09:00:00.000Z", supplier: "Birch Homes", commitments: [aCommitment({ ref: "A", supplier: "Birch Homes", theme: "Social", committedPence: 5 })] });
    const totals = byKey(gather({}, [pennies, later]).tables.totals, "TotalKey");
    expect(totals["Theme|Social"]).toMatchObject({ Contracts: 2, Commitments: 3, CommittedValue: 0.35, DeliveredValue: 0.17, DeliveredShare: 17 / 35 });
    expect(totals["Year|2026"]).toMatchObject({ CommittedValue: 0.3 });
    expect(totals["Year|2027"]).toMatchObject({ CommittedValue: 0.05 });
    expect(totals["Supplier|Birch Homes"]).toMatchObject({ Commitments: 1 });
  });
});

describe("community offers", () => {
  it("keeps two offers to one organisation apart by their line", () => {
    const plan = gather({}, [aGathered({ offers: [anOffer(), anOffer({ organisation: "Northgate Primary", offer: "Careers talk", line: 2 })] })]);
    expect(plan.tables.offers.map((o) => o.OfferKey)).toEqual(["T-1|ACME LTD|NORTHGATE PRIMARY|1", "T-1|ACME LTD|NORTHGATE PRIMARY|2"]);
  });
});

describe("due dates and delivered figures kept in both places", () => {
  // Excel's serial for a calendar day, worked out independently of the code under test.
  const day = (y: number, m: number, d: number): number => Date.UTC(y, m - 1, d) / 86_400_000 + 25_569;
  const withIll1 = (over: { dueDate?: number | null; delivered?: number | null }) => aGathered({ commitments: [aCommitment({ ref: "ILL1", ...over })] });
  const typedIll1 = (tables: PortfolioRows, values: Record<string, unknown>): PortfolioRows => ({
    ...tables,
    commitments: tables.commitments.map((r) => (r.Ref === "ILL1" ? { ...r, ...values } : r)) as PortfolioRows["commitments"],
  });
  const conflicts = (plan: GatherPlan): string[] => plan.messages.filter((m) => m.kind === "conflict").map((m) => m.text);

  it("keeps a due date cleared in the portfolio while the register still gives the one gathered before", () => {
    const first = gather({}, [withIll1({ dueDate: day(2027, 3, 31) })]).tables;
    const again = gather(typedIll1(first, { DueDate: "" }), [withIll1({ dueDate: day(2027, 3, 31) })]);
    expect(byKey(again.tables.commitments, "Ref").ILL1?.DueDate).toBe("");
    expect(conflicts(again)).toEqual([]);
  });

  it("keeps a delivered figure typed over the gathered one while the register's has not moved", () => {
    const first = gather({}, [withIll1({ delivered: 5 })]).tables;
    const again = gather(typedIll1(first, { Delivered: 7 }), [withIll1({ delivered: 5 })]);
    expect(byKey(again.tables.commitments, "Ref").ILL1?.Delivered).toBe(7);
    expect(conflicts(again)).toEqual([]);
  });

  it("takes the register's new figure as a routine update when the portfolio still held the one gathered", () => {
    const first = gather({}, [withIll1({ delivered: 5, dueDate: day(2027, 3, 31) })]).tables;
    const again = gather(first, [withIll1({ delivered: 6, dueDate: day(2027, 6, 30) })]);
    expect(byKey(again.tables.commitments, "Ref").ILL1).toMatchObject({ Delivered: 6, DueDate: day(2027, 6, 30) });
    expect(conflicts(again)).toEqual([]);
  });

  it("takes a new register date over one typed differently in the portfolio, and gives both as dates", () => {
    const first = gather({}, [withIll1({ dueDate: day(2027, 3, 31) })]).tables;
    const again = gather(typedIll1(first, { DueDate: day(2027, 6, 30) }), [withIll1({ dueDate: day(2027, 9, 30) })]);
    expect(byKey(again.tables.commitments, "Ref").ILL1?.DueDate).toBe(day(2027, 9, 30));
    expect(conflicts(again)).toEqual(["Grounds maintenance, ILL1: DueDate was 30 June 2027 in the portfolio and is 30 September 2027 in the workbook now; the workbook's was taken."]);
  });

  it("records the date it replaced in the file's PF_Sources Detail, not only on the page", () => {
    const first = gather({}, [withIll1({ dueDate: day(2027, 3, 31) })]).tables;
    const again = gather(typedIll1(first, { DueDate: day(2027, 6, 30) }), [withIll1({ dueDate: day(2027, 9, 30) })]);
    expect(String(again.tables.sources[0]?.Detail)).toMatch(/ Grounds maintenance, ILL1: DueDate was 30 June 2027 in the portfolio and is 30 September 2027 in the workbook now; the workbook's was taken\.$/);
  });
});

describe("totals gathered again", () => {
  it("keeps each group's row, and a column the user added to it, by its key; a group gone stays at zero and a new one is added", () => {
    const first = gather({}, [aGathered()]).tables;
    // The user sorted PF_Totals their own way and added a column of notes.
    const arranged = { ...first, totals: [...first.totals].reverse().map((t) => ({ ...t, Note: `note on ${String(t.TotalKey)}` })) as PortfolioRows["totals"] };
    const again = gather(arranged, [aGathered({ commitments: [aCommitment({ ref: "ILL1", theme: "Social" })] })]);
    expect(again.tables.totals.map((t) => [t.TotalKey, (t as Record<string, unknown>).Note ?? "", t.Commitments, t.CommittedValue, t.DeliveredShare])).toEqual([
      ["Year|2026", "note on Year|2026", 1, 100_000, 0],
      ["Supplier|Acme Ltd", "note on Supplier|Acme Ltd", 1, 100_000, 0],
      ["Theme|Jobs", "note on Theme|Jobs", 0, 0, ""],
      ["Theme|Growth", "note on Theme|Growth", 0, 0, ""],
      ["Theme|Social", "", 1, 100_000, 0],
    ]);
  });
});

describe("today, for due dates and the status rule", () => {
  const serialOf = (y: number, m: number, d: number): number => Date.UTC(y, m - 1, d) / 86_400_000 + 25_569;
  // 00:30 BST on 1 April 2027 is 23:30 UTC on 31 March; built from UTC parts, so the test means the same in any zone.
  const halfPastMidnightInLondon = new Date(Date.UTC(2027, 2, 31, 23, 30));

  it("is the calendar day where the gather runs: 00:30 on 1 April in London (BST, UTC+1) is 1 April", () => {
    expect(excelDay(halfPastMidnightInLondon, 60)).toBe(serialOf(2027, 4, 1));
    const plan = planGather({}, [aGathered({ commitments: [aCommitment({ ref: "ILL1", dueDate: serialOf(2027, 3, 31) })] })], [], { now: halfPastMidnightInLondon, utcOffsetMinutes: 60 });
    expect(plan.tables.commitments[0]).toMatchObject({ RuleStatus: "Behind" });
  });

  it("is, by default, the day of the machine's own clock", () => {
    expect(excelDay(new Date(2027, 3, 1, 0, 30))).toBe(serialOf(2027, 4, 1));
    expect(excelDay(new Date(2027, 2, 31, 23, 30))).toBe(serialOf(2027, 3, 31));
  });
});
