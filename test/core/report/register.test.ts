import { COLCHESTER, ESSEX, ILLUSTRATIVE, THURROCK, allMeasures, kpiOf, measureTableFromFramework, registerAnswers, registerEntryKey, registerKpis, registerRows, registerStatus } from "../../../src/core";

const illustrative = measureTableFromFramework(ILLUSTRATIVE);

describe("which KPI a measure feeds", () => {
  const kpiRefs = (framework: typeof ESSEX, kpi: string): string[] =>
    allMeasures(framework)
      .filter((m) => kpiOf(m) === kpi)
      .map((m) => m.ref);

  it("counts Essex's spend with local suppliers, local SMEs and VCSEs as local spend, not its donations or investment", () => {
    expect(kpiRefs(ESSEX, "local-spend")).toEqual(["ECC11", "ECC12", "ECC38"]);
  });

  it("counts local people employed (ECC1, ECC1c) as local employment, not disadvantaged-group hires counted on top of them", () => {
    expect(kpiRefs(ESSEX, "local-employment")).toEqual(["ECC1", "ECC1c"]);
  });

  it("takes the share of the workforce living locally (ECC2) as the local employment share, not procurement shares", () => {
    expect(kpiRefs(ESSEX, "local-employment-share")).toEqual(["ECC2"]);
  });

  it("recognises the illustrative set's local spend, employment, share and carbon measures", () => {
    const of = (kpi: string): string[] => illustrative.filter((m) => kpiOf(m) === kpi).map((m) => m.ref);
    expect([of("local-spend"), of("local-employment"), of("local-employment-share"), of("carbon")]).toEqual([["ILL7", "ILL8"], ["ILL1"], ["ILL6"], ["ILL12"]]);
  });
});

describe("register rows and KPIs", () => {
  const commitments = [
    { bidder: "Acme Ltd", ref: "ILL1", quantity: 6, evidence: "Payroll postcodes each quarter" },
    { bidder: "Brightside CIC", ref: "ILL1", quantity: 9 },
    { bidder: " acme ltd ", ref: "ill7", quantity: 150_000 },
    { bidder: "Acme Ltd", ref: "ILL6", quantity: 40 },
    { bidder: "Acme Ltd", ref: "ILL12", quantity: 35 },
    { bidder: "Acme Ltd", ref: "ILL10", quantity: 400 },
  ];

  it("lists only the chosen bidder's commitments with measure, theme, unit, £ value and evidence", () => {
    const rows = registerRows("Acme Ltd", commitments, illustrative);
    expect(rows.map((r) => [r.ref, r.theme, r.unit, r.committed, r.value, r.kpi ?? ""])).toEqual([
      ["ILL1", "Jobs", "FTE", 6, 120_000, "local-employment"],
      ["ILL7", "Growth", "£", 150_000, 75_000, "local-spend"],
      ["ILL6", "Jobs", "%", 40, 0, "local-employment-share"],
      ["ILL12", "Environment", "tCO2e", 35, 7_000, "carbon"],
      ["ILL10", "Social", "hours", 400, 400 * 16.93, ""],
    ]);
    expect(rows[0]?.evidence).toBe("Payroll postcodes each quarter");
  });

  it("keeps the Due date and Delivered entered earlier, by Ref (the first commitment to it: #0)", () => {
    const rows = registerRows("Acme Ltd", commitments, illustrative, new Map([["ILL7#0", { dueDate: 46_000, delivered: 60_000 }]]));
    expect(rows.find((r) => r.ref === "ILL7")).toMatchObject({ dueDate: 46_000, delivered: 60_000 });
    expect(rows.find((r) => r.ref === "ILL1")).toMatchObject({ dueDate: "", delivered: "" });
  });

  it("keeps each entry on its own row when a bidder gives the same ref twice", () => {
    const twice = [
      { bidder: "Acme Ltd", ref: "ILL7", quantity: 100_000 },
      { bidder: "Acme Ltd", ref: "ILL1", quantity: 6 },
      { bidder: "Acme Ltd", ref: "ill7", quantity: 50_000 },
    ];
    // The keys as a rebuild reads the earlier register, row by row.
    const seen = new Map<string, number>();
    const kept = new Map([
      [registerEntryKey("ILL7", seen), { dueDate: 46_000, delivered: 90_000 }],
      [registerEntryKey("ILL1", seen), { dueDate: "", delivered: "" }],
      [registerEntryKey("ILL7", seen), { dueDate: 46_100, delivered: 20_000 }],
    ]);
    const rows = registerRows("Acme Ltd", twice, illustrative, kept);
    expect(rows.map((r) => [r.ref, r.committed, r.dueDate, r.delivered])).toEqual([
      ["ILL7", 100_000, 46_000, 90_000],
      ["ILL1", 6, "", ""],
      ["ILL7", 50_000, 46_100, 20_000],
    ]);
  });

  it("reports local spend as a share of the contract value, and committed against delivered", () => {
    const rows = registerRows("Acme Ltd", commitments, illustrative, new Map([["ILL7#0", { dueDate: "", delivered: 60_000 }]]));
    const kpis = registerKpis(rows, 1_200_000);
    expect(kpis.map((k) => [k.kpi, k.unit, k.committed, k.delivered])).toEqual([
      ["Local spend", "£", 150_000, 60_000],
      ["Local employment", "FTE", 6, 0],
      ["Local employment (share of workforce)", "%", 40, 0],
      ["Carbon saved", "tCO2e", 35, 0],
    ]);
    expect(kpis[0]?.shareOfContract).toBeCloseTo(0.125, 12);
  });
});

describe("the register of a framework that values nothing in £", () => {
  it("lists Colchester's three KPIs (local employment %, local business %, carbon) as the winner committed them, at £0", () => {
    const commitments = [
      { bidder: "Acme Ltd", ref: "COL1", quantity: 65 },
      { bidder: "Acme Ltd", ref: "COL2", quantity: 40 },
      { bidder: "Acme Ltd", ref: "COL3", quantity: 120 },
    ];
    const rows = registerRows("Acme Ltd", commitments, measureTableFromFramework(COLCHESTER, ["COL1", "COL2", "COL3"]));
    expect(rows.map((r) => [r.ref, r.unit, r.committed, r.value, r.kpi ?? ""])).toEqual([
      ["COL1", "%", 65, 0, "local-employment-share"],
      ["COL2", "%", 40, 0, ""],
      ["COL3", "tCO2e", 120, 0, "carbon"],
    ]);
  });

  it("lists the targets a Thurrock bidder stated for its measures, for the contract to monitor, never as £", () => {
    const commitments = [
      { bidder: "Acme Ltd", ref: "CS1.3", quantity: 300, evidence: "Volunteering log, quarterly" },
      { bidder: "Acme Ltd", ref: "CS2.6", quantity: 4 },
    ];
    const rows = registerRows("Acme Ltd", commitments, measureTableFromFramework(THURROCK, ["CS1.3", "CS2.6"]));
    expect(rows.map((r) => [r.ref, r.committed, r.value, r.evidence])).toEqual([
      ["CS1.3", 300, 0, "Volunteering log, quarterly"],
      ["CS2.6", 4, 0, ""],
    ]);
  });
});

describe("register status", () => {
  const today = 46_000;
  it.each([
    ["nothing delivered and no due date", "Not started", 10, null, null],
    ["0 delivered before the due date", "Not started", 10, 0, today + 30],
    ["part delivered before the due date", "On track", 10, 4, today + 30],
    ["part delivered after the due date", "Behind", 10, 4, today - 1],
    ["nothing delivered after the due date", "Behind", 10, null, today - 1],
    ["all delivered, even late", "Delivered", 10, 10, today - 90],
    ["more than committed", "Delivered", 10, 12, null],
  ] as const)("%s → %s", (_what, status, committed, delivered, due) => {
    expect(registerStatus(committed, delivered, due, today)).toBe(status);
  });
});

describe("the written answers a register lists", () => {
  const criteria = THURROCK.criteria.map((c) => ({ id: c.id, question: c.question }));

  it("follows the tender's order of criteria with each question, keeps the text as written, and leaves blank answers out", () => {
    const [first, second] = criteria as [{ id: string; question: string }, { id: string; question: string }];
    const answers = registerAnswers(
      [
        { criterion: ` ${second.id.toLowerCase()}`, answer: "  Quarterly returns, checked against payroll.\nSigned by our director." },
        { criterion: first.id, answer: "   " },
        { criterion: first.id, answer: "=A1 is not a formula here: we deliver through a named lead." },
      ],
      criteria,
    );
    expect(answers).toEqual([
      { criterion: first.id, question: first.question, answer: "=A1 is not a formula here: we deliver through a named lead." },
      { criterion: second.id.toLowerCase(), question: second.question, answer: "  Quarterly returns, checked against payroll.\nSigned by our director." },
    ]);
  });

  it("keeps an answer to a criterion the tender does not list, after the rest, and both answers given to one criterion", () => {
    const id = (criteria[0] as { id: string }).id;
    const answers = registerAnswers(
      [
        { criterion: "EXTRA", answer: "Offered beyond the questions." },
        { criterion: id, answer: "First version." },
        { criterion: id, answer: "Second version." },
      ],
      criteria,
    );
    expect(answers.map((a) => [a.criterion, a.question === "" ? "" : "asked", a.answer])).toEqual([
      [id, "asked", "First version."],
      [id, "asked", "Second version."],
      ["EXTRA", "", "Offered beyond the questions."],
    ]);
  });
});
