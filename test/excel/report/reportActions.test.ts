/**
 * The Report actions against the test Excel host: a three-bidder evaluation is inserted, bids typed,
 * criteria listed and consensus recorded straight into the cells (as the panel would through
 * the Moderation page), then each report is built and read back from the workbook.
 */
import { SETTING_NAMES } from "../../../src/core/shared/layout";
import { createReportActions } from "../../../src/excel/report/reportActions";
import { CHART_NAMES, CHART_TITLES } from "../../../src/excel/report/writeReport";
import { REGISTER_COLUMNS } from "../../../src/excel/report/writeRegister";
import { BUILT_MARKER } from "../../../src/excel/report/readReportData";
import { SHEETS, TABLES } from "../../../src/core/shared/layout";
import { ILLUSTRATIVE, NOT_YET_AGREED } from "../../../src/core";
import type { ExcelRun } from "../../../src/excel/shared/excelRun";
import type { ExcelHost } from "../../excelHost";
import { aFakeWorkbook, aPlanInput, anEvaluationWorkbook, typeIntoTable } from "../support";
import { aTender } from "../../support/scoringBuilders";
import { insertPlan } from "../../../src/excel/setup/writePlan";
import { buildEvaluationPlan } from "../../../src/excel/setup/evaluationPlan";

const BIDDERS = ["Acme Grounds Ltd", "Brightside CIC", "Castle Services"];
const CLOCK = (): Date => new Date(2026, 10, 22, 9, 30);
const RATIONALE = "A named delivery lead and a quarterly plan for each commitment; the college partner is already agreed.";

/** Writes rows into a table by header, growing it over the empty rows below (as a user typing would). */
async function fillTable(run: ExcelRun, table: string, rows: Record<string, unknown>[]): Promise<void> {
  await run(async (context) => {
    const t = context.workbook.tables.getItem(table);
    const header = t.getHeaderRowRange().load("values, rowIndex, columnIndex");
    const sheet = t.worksheet.load("name");
    await context.sync();
    const headers = (header.values[0] ?? []).map(String);
    const top = header.rowIndex + 1;
    const col = (i: number): string => String.fromCharCode(65 + header.columnIndex + i);
    t.resize(sheet.getRange(`${col(0)}${top}:${col(headers.length - 1)}${top + rows.length}`));
    for (const name of new Set(rows.flatMap((r) => Object.keys(r)))) {
      const j = headers.indexOf(name);
      if (j < 0) throw new Error(`test set-up: ${table} has no column ${name}`);
      sheet.getRange(`${col(j)}${top + 1}:${col(j)}${top + rows.length}`).values = rows.map((r) => [r[name] ?? ""]);
    }
    await context.sync();
  });
}

async function aScoredTender(
  options: { castleQ2Agreed?: boolean; moreBidders?: string[]; moreCommitments?: unknown[][]; requireBothParts?: boolean } = {},
): Promise<{ fake: ExcelHost; run: ExcelRun }> {
  const wb = await anEvaluationWorkbook(
    [
      ["Acme Grounds Ltd", "ILL1", "FTE", 6, "Payroll postcodes each quarter"],
      ["Acme Grounds Ltd", "ILL7", "£", 150000, "Invoices from local suppliers"],
      ["Acme Grounds Ltd", "ILL12", "tCO2e", 35, "Fuel records against the 2025 baseline"],
      ["Acme Grounds Ltd", "ILL6", "%", 40, ""],
      ["Brightside CIC", "ILL1", "FTE", 4, ""],
      ["Brightside CIC", "ILL10", "hours", 1200, "Timesheets countersigned by partners"],
      ["Castle Services", "ILL8", "£", 90000, ""],
      ["Castle Services", "ILL13", "tonnes", 40, ""],
      ...(options.moreCommitments ?? []),
    ],
    aPlanInput({
      settings: aTender({ contractName: "Grounds maintenance", contractValue: 1_200_000, maxPoints: 20, quantitativeShare: 0.5, requireBothParts: options.requireBothParts ?? false }),
      bidders: [...BIDDERS, ...(options.moreBidders ?? [])],
      criteria: ILLUSTRATIVE.criteria,
    })
  );
  const items = BIDDERS.flatMap((bidder, b) =>
    ILLUSTRATIVE.criteria.map((c, q) => {
      const open = bidder === "Castle Services" && q === 1 && !options.castleQ2Agreed;
      return open ? { Bidder: bidder, Criterion: c.id } : { Bidder: bidder, Criterion: c.id, Consensus: [4, 5, 2][b], Rationale: `${RATIONALE} (${c.id})`, AgreedBy: "Ann, Ben, Cat" };
    })
  );
  await fillTable(wb.run, TABLES.consensus, items);
  await fillTable(wb.run, TABLES.offers, [
    { Bidder: "Brightside CIC", Recipient: "School", Organisation: "Hill Primary", Offer: "Garden club every term", Hours: 60, Value: 1000 },
    { Bidder: "Acme Grounds Ltd", Recipient: "Charity", Organisation: "'=Friends of the Park", Offer: "Tree planting day", Hours: 40, Value: "" },
    { Bidder: "Acme Grounds Ltd", Recipient: "College", Organisation: "Town College", Offer: "Two apprenticeship taster weeks", Hours: 80, Value: "" },
  ]);
  wb.fake.resetStats();
  return wb;
}

/** A table's data rows as records by header, read straight from the host's workbook. */
function tableRows(fake: ExcelHost, name: string): Record<string, unknown>[] {
  const t = fake.inspect.table(name);
  if (!t) return [];
  return fake.inspect.values(t.dataBodyAddress).map((row) => Object.fromEntries(t.headers.map((h, i) => [h, row[i]])));
}

const sheetValues = (fake: ExcelHost, sheet: string): unknown[][] => fake.inspect.values(`'${sheet}'!A1:T80`);
const cellsIn = (fake: ExcelHost, sheet: string): string[] => sheetValues(fake, sheet).flat().filter((v) => v !== "" && v !== null).map(String);

async function charts(fake: ExcelHost, sheet: string) {
  return fake.run(async (context: Excel.RequestContext) => {
    const list = context.workbook.worksheets.getItem(sheet).charts.load("items/name, items/chartType");
    await context.sync();
    const details = list.items.map((c) => ({ chart: c, title: c.title.load("text"), series: c.series.load("items/name") }));
    await context.sync();
    const sources = details.map((d) => d.series.items.map((s) => [s.name, s.getDimensionDataSourceString("Values"), s.getDimensionDataSourceString("Categories")] as const));
    await context.sync();
    return details.map((d, i) => ({
      name: d.chart.name,
      type: d.chart.chartType,
      title: d.title.text,
      series: (sources[i] ?? []).map(([name, values, categories]) => ({ name, values: values.value, categories: categories.value })),
    }));
  });
}

describe("assessment summaries sheet", () => {
  it("writes one block per bidder with each criterion's mark, points and the panel's reasons, and returns the letters", async () => {
    const { fake, run } = await aScoredTender();
    const result = await createReportActions(run, CLOCK).buildSummaries();
    expect(result.summaries.map((s) => s.bidder)).toEqual(BIDDERS);
    expect(result.openItems).toBe(1);
    const acme = result.summaries[0];
    expect(acme?.criteria.map((c) => [c.id, c.mark, c.points, c.available])).toEqual([
      ["ILL-Q1", 4, 4, 5],
      ["ILL-Q2", 4, 4, 5],
    ]);
    expect(acme?.criteria[0]?.reasons).toBe(`The panel's reasons: "${RATIONALE} (ILL-Q1)"`);
    expect(acme?.total).toBeCloseTo(acme ? acme.quantitative.points + 8 : NaN, 9);
    const castle = result.summaries[2];
    expect(castle?.criteria[1]).toMatchObject({ mark: null, points: 0, reasons: NOT_YET_AGREED });

    const cells = cellsIn(fake, SHEETS.summaries);
    expect(cells.some((c) => c.startsWith(BUILT_MARKER) && c.includes("22 Nov 2026 at 09:30"))).toBe(true);
    expect(cells).toContain(`The panel's reasons: "${RATIONALE} (ILL-Q2)"`);
    expect(cells).toContain(NOT_YET_AGREED);
    expect(cells.filter((c) => c.startsWith("Castle Services:"))[0]).toContain("Provisional: 1 not yet agreed.");
  });

  it("names the law each letter answers to from SV Setup's start date, however the date was typed there", async () => {
    const { run } = await aScoredTender();
    const typeStart = (value: unknown) =>
      run(async (context) => {
        context.workbook.names.getItem(SETTING_NAMES.procurementStart).getRange().values = [[value]];
        await context.sync();
      });
    await typeStart("01/03/2025");
    let result = await createReportActions(run, CLOCK).buildSummaries();
    expect(result.summaries[0]?.text).toContain("Procurement Act 2023: the social value part of the assessment summary section 50 requires.");
    // An Excel date (serial 45689 is 1 February 2025): before the Act, PCR 2015's award letter.
    await typeStart(45689);
    result = await createReportActions(run, CLOCK).buildSummaries();
    expect(result.summaries[0]?.text).toContain("Public Contracts Regulations 2015 (the procurement began before 24 February 2025)");
  });

  it("takes the scores from the workbook as its formulas computed them", async () => {
    const { fake, run } = await aScoredTender();
    const result = await createReportActions(run, CLOCK).buildSummaries();
    const sheetScores = tableRows(fake, TABLES.scores).map((r) => r.Score);
    expect(result.summaries.map((s) => s.total)).toEqual(sheetScores.map((v) => expect.closeTo(v as number, 9)));
  });

  it("wraps the reasons column for printing", async () => {
    const { fake, run } = await aScoredTender();
    await createReportActions(run, CLOCK).buildSummaries();
    const firstBody = sheetValues(fake, SHEETS.summaries).findIndex((r) => String(r[0]).startsWith("Commitments: £")) + 1;
    expect(firstBody).toBeGreaterThan(0);
    expect(fake.inspect.format(`'${SHEETS.summaries}'!E${firstBody}`).wrapText).toBe(true);
  });

  it("states the methodology, and writes under each bidder what its summary lacks before it can be sent (reg 31)", async () => {
    const { fake, run } = await aScoredTender();
    // Acme's answer shares no word with the panel's reasons; Brightside's is the one they describe.
    await fillTable(run, TABLES.answers, [
      { Bidder: "Acme Grounds Ltd", Criterion: "ILL-Q1", Answer: "Our gardeners will mow verges and plant bulbs around the estate." },
      { Bidder: "Brightside CIC", Criterion: "ILL-Q1", Answer: "A named delivery lead owns a quarterly plan; the college partner is agreed." },
    ]);
    const result = await createReportActions(run, CLOCK).buildSummaries();
    const gaps = (bidder: string) => result.summaries.find((s) => s.bidder === bidder)?.gaps?.map((g) => [g.code, g.criterion]);
    expect(gaps("Acme Grounds Ltd")).toEqual([["reasons-not-about-bid", "ILL-Q1"]]);
    expect(gaps("Brightside CIC")).toEqual([]);
    expect(gaps("Castle Services")).toEqual([["not-agreed", "ILL-Q2"]]);
    const cells = cellsIn(fake, SHEETS.summaries);
    expect(cells).toContain("Social value is 10% of the award, marked out of 20 points: 10 (50%) for the commitments offered and 10 (50%) for the written answers.");
    expect(cells.find((c) => c.startsWith("Brightside CIC:"))).toContain("Ready to send.");
    expect(cells.find((c) => c.startsWith("Acme Grounds Ltd:"))).toContain("Not ready to send: 1 thing missing (listed below).");
    expect(cells).toContain("Before Acme Grounds Ltd's summary can be sent:");
    expect(cells.some((c) => c.startsWith("- ILL-Q1: the reasons use none of the words of Acme Grounds Ltd's answer"))).toBe(true);
    expect(cells.some((c) => c.startsWith("- ILL-Q2: the panel has not agreed a mark yet."))).toBe(true);
  });

  it("costs a fixed number of requests, and rebuilding replaces its own sheet", async () => {
    const { fake, run } = await aScoredTender();
    const actions = createReportActions(run, CLOCK);
    await actions.buildSummaries();
    const first = fake.stats.syncCalls;
    await actions.buildSummaries();
    expect(fake.stats.syncCalls - first).toBe(first);
    expect(first).toBeLessThanOrEqual(6);
    expect(fake.inspect.sheetNames().filter((n) => n === SHEETS.summaries)).toHaveLength(1);
  });

  it("refuses, writing nothing, when a sheet of that name is the user's own", async () => {
    const { fake, run } = await aScoredTender();
    await run(async (context) => {
      context.workbook.worksheets.add(SHEETS.summaries).getRange("A1:A2").values = [["My notes"], ["Do not lose"]];
      await context.sync();
    });
    await expect(createReportActions(run, CLOCK).buildSummaries()).rejects.toThrow(/already has a sheet called "SV Summaries" that the add-in did not build/);
    expect(fake.inspect.values(`'${SHEETS.summaries}'!A1:A2`)).toEqual([["My notes"], ["Do not lose"]]);
  });

  it("says what to do when SV Scores lists no bidders", async () => {
    const { run } = await anEvaluationWorkbook([["Acme", "ILL1", "FTE", 2]]);
    await expect(createReportActions(run, CLOCK).buildSummaries()).rejects.toThrow(/SV Scores lists no bidders yet/);
  });
});

describe("award report sheet", () => {
  it("writes the final scores and social value by theme, with a stacked column chart and a bar chart over them", async () => {
    const { fake, run } = await aScoredTender();
    const result = await createReportActions(run, CLOCK).buildReport();
    expect(result.winner).toBe("Acme Grounds Ltd");
    expect(result.charts).toEqual([CHART_NAMES.themes, CHART_NAMES.scores]);

    const values = sheetValues(fake, SHEETS.report);
    expect(values[4]?.slice(0, 3)).toEqual(["Bidder", "Score", "Rank"]);
    expect(values.slice(5, 8).map((r) => r[0])).toEqual(BIDDERS);
    const themeHeader = values.findIndex((r) => r[0] === "Bidder" && r[1] === "Jobs");
    expect(values[themeHeader]?.slice(0, 5)).toEqual(["Bidder", "Jobs", "Growth", "Social", "Environment"]);
    // Acme: 6 FTE × £20,000 (Jobs); £150,000 × 0.5 (Growth); 35 tCO2e × £200 (Environment).
    expect(values[themeHeader + 1]?.slice(0, 5)).toEqual(["Acme Grounds Ltd", 120000, 75000, 0, 7000]);

    const found = await charts(fake, SHEETS.report);
    const top = themeHeader + 1;
    expect(found).toEqual([
      {
        name: CHART_NAMES.themes,
        type: "ColumnStacked",
        title: CHART_TITLES.themes,
        series: ["Jobs", "Growth", "Social", "Environment"].map((name, i) => ({
          name,
          values: `'SV Report'!$${"BCDE"[i]}$${top + 1}:$${"BCDE"[i]}$${top + 3}`,
          categories: `'SV Report'!$A$${top + 1}:$A$${top + 3}`,
        })),
      },
      {
        name: CHART_NAMES.scores,
        type: "BarClustered",
        title: CHART_TITLES.scores,
        series: [{ name: "Score", values: "'SV Report'!$B$6:$B$8", categories: "'SV Report'!$A$6:$A$8" }],
      },
    ]);
  });

  it("gives the sensitivity note and the community offers grouped by bidder, bidders' text kept as text", async () => {
    const { fake, run } = await aScoredTender();
    const result = await createReportActions(run, CLOCK).buildReport();
    expect(result.sensitivityNote).toMatch(/PriceQuality/);
    const values = sheetValues(fake, SHEETS.report);
    const start = values.findIndex((r) => String(r[0]).startsWith("Community offers"));
    const listed = values.slice(start + 2, start + 7).map((r) => [r[0], r[2], r[4]]);
    expect(listed).toEqual([
      ["Acme Grounds Ltd", "", ""],
      ["", "=Friends of the Park", "Tree planting day"],
      ["", "Town College", "Two apprenticeship taster weeks"],
      ["Brightside CIC", "", ""],
      ["", "Hill Primary", "Garden club every term"],
    ]);
    const formulas = fake.inspect.formulas(`'${SHEETS.report}'!C${start + 4}`);
    expect(formulas[0]?.[0]).toBe("=Friends of the Park");
    expect(result.offers).toBe(3);
  });

  it("rebuilding leaves exactly two charts", async () => {
    const { fake, run } = await aScoredTender();
    const actions = createReportActions(run, CLOCK);
    await actions.buildReport();
    await actions.buildReport();
    expect((await charts(fake, SHEETS.report)).map((c) => c.name)).toEqual([CHART_NAMES.themes, CHART_NAMES.scores]);
  });
});

describe("commitments register", () => {
  it("lists the winner's commitments as a flat table with a status formula, and the KPIs", async () => {
    const { fake, run } = await aScoredTender();
    const result = await createReportActions(run, CLOCK).buildRegister();
    expect(result.bidder).toBe("Acme Grounds Ltd");
    expect(result.rows).toBe(4);
    expect(fake.inspect.table(TABLES.register)?.headers).toEqual([...REGISTER_COLUMNS]);
    const rows = tableRows(fake, TABLES.register);
    expect(rows.map((r) => [r.Ref, r.Committed, r["Value £"], r.Status, r.KPI])).toEqual([
      ["ILL1", 6, 120000, "Not started", "Local employment"],
      ["ILL7", 150000, 75000, "Not started", "Local spend"],
      ["ILL12", 35, 7000, "Not started", "Carbon saved"],
      ["ILL6", 40, 0, "Not started", "Local employment (share of workforce)"],
    ]);
    expect(rows[0]?.Evidence).toBe("Payroll postcodes each quarter");
    expect(fake.inspect.formulas(`'${SHEETS.register}'!K5`)[0]?.[0]).toMatch(/^=IF\(\[@Ref\]="","",IF\(AND\(ISNUMBER\(\[@Delivered\]\)/);
    expect(result.kpis).toEqual([
      { kpi: "Local spend", unit: "£", committed: 150000, delivered: 0, shareOfContract: 0.125 },
      { kpi: "Local employment", unit: "FTE", committed: 6, delivered: 0 },
      { kpi: "Local employment (share of workforce)", unit: "%", committed: 40, delivered: 0 },
      { kpi: "Carbon saved", unit: "tCO2e", committed: 35, delivered: 0 },
    ]);
    // The sheet's KPI block computes the same figures from the table.
    expect(fake.inspect.values(`'${SHEETS.register}'!O5:S5`)).toEqual([["Local spend", "£", 150000, 0, 0.125]]);
    expect(result.offers).toBe(2);
  });

  it("rebuilding keeps the Due date and Delivered the contract manager entered, and the status follows them", async () => {
    const { fake, run } = await aScoredTender();
    const actions = createReportActions(run, CLOCK);
    await actions.buildRegister();
    // Row 6 is ILL7 (local spend): £60,000 delivered; row 5 (ILL1) all 6 FTE delivered.
    await run(async (context) => {
      const sheet = context.workbook.worksheets.getItem(SHEETS.register);
      sheet.getRange("H5:I6").values = [[73000, 6], [73000, 60000]];
      await context.sync();
    });
    const again = await actions.buildRegister();
    expect(again.kept).toBe(2);
    expect(fake.inspect.values(`'${SHEETS.register}'!H5:K6`)).toEqual([
      [73000, 6, "Payroll postcodes each quarter", "Delivered"],
      [73000, 60000, "Invoices from local suppliers", "On track"],
    ]);
    expect(again.kpis[0]).toMatchObject({ kpi: "Local spend", committed: 150000, delivered: 60000 });
    expect(fake.inspect.values(`'${SHEETS.register}'!R5`)).toEqual([[60000]]);
  });

  it("refuses to rebuild for another bidder while delivery figures are entered, and writes nothing", async () => {
    const { fake, run } = await aScoredTender();
    const actions = createReportActions(run, CLOCK);
    await actions.buildRegister();
    await run(async (context) => {
      context.workbook.worksheets.getItem(SHEETS.register).getRange("I5").values = [[3]];
      await context.sync();
    });
    await expect(actions.buildRegister("Brightside CIC")).rejects.toThrow(/holds a Due date or Delivered figure for Acme Grounds Ltd ILL1/);
    expect(fake.inspect.values(`'${SHEETS.register}'!I5`)).toEqual([[3]]);
  });

  it("refuses a rebuild that would drop a delivery line added to the register by hand, keeping it (issue #16)", async () => {
    const { fake, run } = await aScoredTender();
    const actions = createReportActions(run, CLOCK);
    await actions.buildRegister();
    // The contract manager adds a second ILL1 line to the register for a later delivery; Acme
    // has one ILL1 commitment, so a rebuild would have no row to put it on.
    await run(async (context) => {
      const line = REGISTER_COLUMNS.map((c) => (c === "Bidder" ? "Acme Grounds Ltd" : c === "Ref" ? "ILL1" : c === "Delivered" ? 2 : ""));
      context.workbook.tables.getItem(TABLES.register).rows.add(undefined, [line]);
      await context.sync();
    });
    const before = fake.inspect.values(fake.inspect.table(TABLES.register)!.dataBodyAddress);

    await expect(actions.buildRegister()).rejects.toThrow(
      /SV Register holds a Due date or Delivered figure for Acme Grounds Ltd ILL1 \(its 2nd line\), which the register for Acme Grounds Ltd would not include, so nothing was rebuilt/,
    );
    expect(fake.inspect.values(fake.inspect.table(TABLES.register)!.dataBodyAddress)).toEqual(before);
  });

  it("keeps the register as it is when a Delivered figure is typed while it is being rebuilt, and says so", async () => {
    const { fake, run } = await aScoredTender();
    await createReportActions(run, CLOCK).buildRegister();
    // The rebuild reads the workbook, then the register, in two Excel.runs; the contract
    // manager types a figure just before the third one writes.
    let runs = 0;
    const interrupted: ExcelRun = (batch) => {
      if (++runs === 3) fake.coauthor.beforeNextRequest((co) => co.type(`'${SHEETS.register}'!I6`, 45000));
      return run(batch);
    };
    await expect(createReportActions(interrupted, CLOCK).buildRegister()).rejects.toThrow(/entered or changed a Due date or Delivered figure on SV Register while it was being rebuilt/);
    expect(fake.inspect.sheetNames().filter((n) => n.startsWith("SV Register"))).toEqual([SHEETS.register]);
    expect(fake.inspect.values(`'${SHEETS.register}'!I6`)).toEqual([[45000]]);
    expect(fake.inspect.table(TABLES.register)?.sheet).toBe(SHEETS.register);
    // Built again, the register keeps the figure.
    const again = await createReportActions(run, CLOCK).buildRegister();
    expect(again.kept).toBe(1);
    expect(fake.inspect.values(`'${SHEETS.register}'!I6`)).toEqual([[45000]]);
  });

  it("puts the register in use back when the rebuild fails part-way, keeping its entries", async () => {
    const { fake, run } = await aScoredTender();
    await createReportActions(run, CLOCK).buildRegister();
    await run(async (context) => {
      context.workbook.worksheets.getItem(SHEETS.register).getRange("I6").values = [[45000]];
      await context.sync();
    });
    // Just before the rebuild writes, a name appears that the register's table needs while it
    // is set aside: the request stops after the sheet was renamed.
    let runs = 0;
    const failing: ExcelRun = (batch) => {
      if (++runs === 3) fake.coauthor.beforeRequest(2, (co) => co.addName("SV_Register_rebuilding", "=1"));
      return run(batch);
    };
    await expect(createReportActions(failing, CLOCK).buildRegister()).rejects.toThrow();
    expect(fake.inspect.sheetNames().filter((n) => n.startsWith("SV Register"))).toEqual([SHEETS.register]);
    expect(fake.inspect.values(`'${SHEETS.register}'!I6`)).toEqual([[45000]]);
    expect(fake.inspect.table(TABLES.register)?.sheet).toBe(SHEETS.register);
  });

  it("refuses to rebuild while a register set aside by an earlier failure is still there", async () => {
    const { fake, run } = await aScoredTender();
    await createReportActions(run, CLOCK).buildRegister();
    fake.coauthor.addSheet("SV Register (rebuilding)", "Delivered: 45000");
    await expect(createReportActions(run, CLOCK).buildRegister()).rejects.toThrow(/still has "SV Register \(rebuilding\)".*delete it, then build again/);
    expect(fake.inspect.values(`'SV Register (rebuilding)'!A1`)).toEqual([["Delivered: 45000"]]);
  });

  it("builds for the bidder named, matched however it is typed", async () => {
    const { run } = await aScoredTender();
    const result = await createReportActions(run, CLOCK).buildRegister("  brightside cic ");
    expect([result.bidder, result.rows]).toEqual(["Brightside CIC", 2]);
    await expect(createReportActions(run, CLOCK).buildRegister("Nobody Ltd")).rejects.toThrow(/No bidder called "Nobody Ltd"/);
  });

  it("costs the same number of requests with many bids' commitments as with few", async () => {
    const few = await aScoredTender();
    await createReportActions(few.run, CLOCK).buildRegister();
    const many = aFakeWorkbook();
    await insertPlan(many.run, buildEvaluationPlan(aPlanInput({ bidders: ["Bidder 1"], criteria: ILLUSTRATIVE.criteria })));
    // 120 bids of 5 commitments each: 600 rows to read, 5 to register.
    await fillTable(
      many.run,
      TABLES.commitments,
      Array.from({ length: 600 }, (_, i) => ({ Bidder: `Bidder ${1 + Math.floor(i / 5)}`, Ref: ["ILL1", "ILL4", "ILL9", "ILL10", "ILL11"][i % 5], Unit: ["FTE", "weeks", "hours", "hours", "no."][i % 5], Quantity: 1 + (i % 7) }))
    );
    many.fake.resetStats();
    const result = await createReportActions(many.run, CLOCK).buildRegister("Bidder 1");
    expect(result.rows).toBe(5);
    expect(many.fake.stats.syncCalls).toBe(few.fake.stats.syncCalls);
  });
});

describe("bids the report must still word correctly", () => {
  /** A fourth bidder listed on SV Scores with no commitments and no marks. */
  const withAnEmptyBid = () => aScoredTender({ castleQ2Agreed: true, moreBidders: ["Dorset Care"] });

  it("gives a bid with no commitments and no marks 0 points, no theme lines and every criterion not yet agreed", async () => {
    const { run } = await withAnEmptyBid();
    const { summaries } = await createReportActions(run, CLOCK).buildSummaries();
    const empty = summaries.find((s) => s.bidder === "Dorset Care")!;
    expect(empty.total).toBe(0);
    expect(empty.criteria.map((c) => [c.mark, c.points])).toEqual([
      [null, 0],
      [null, 0],
    ]);
    expect(empty.text).toContain("(ranked 4 of 4)");
    expect(empty.text).toContain("£0 of social value committed, 0p per £1 of the contract value.");
    expect(empty.text).not.toMatch(/NaN|Infinity|undefined|By theme/);
    for (const s of summaries) expect(s.total).toBeCloseTo(s.quantitative.points + s.criteria.reduce((n, c) => n + c.points, 0), 9);
  });

  it("a bid the tender disregards (both parts required) scores 0 in its summary, which says why, and does not set the bar", async () => {
    // Dorset Care commits far more £ than anyone but gave no answers: with both parts required it is disregarded.
    // £1,000,000 of spend (worth £500,000): the most £, yet within the contract value, so it is not
    // an implausible figure that would hold the bid back (#16 point 4) rather than disregard it.
    const dorset = [["Dorset Care", "ILL7", "£", 1_000_000, ""]];
    const required = await aScoredTender({ castleQ2Agreed: true, moreBidders: ["Dorset Care"], moreCommitments: dorset, requireBothParts: true });
    const { summaries } = await createReportActions(required.run, CLOCK).buildSummaries();
    const summary = (bidder: string) => summaries.find((s) => s.bidder === bidder)!;
    expect(summary("Dorset Care")).toMatchObject({ total: 0, rank: 4, quantitative: { points: 0 } });
    expect(summary("Dorset Care").text).toContain(
      "This response was disregarded and scores no points (no answers): the tender requires both commitments and written answers.",
    );
    expect(cellsIn(required.fake, SHEETS.summaries).find((c) => c.startsWith("Dorset Care:"))).toContain("Disregarded");
    // The best bid that counts earns all 10 quantitative points, as if Dorset Care had not bid.
    const best = summaries.filter((s) => s.bidder !== "Dorset Care").sort((a, b) => b.quantitative.value - a.quantitative.value)[0]!;
    expect(best.quantitative.points).toBe(10);
    expect(best.quantitative.reason).toContain("This was the highest offer");

    const notRequired = await aScoredTender({ castleQ2Agreed: true, moreBidders: ["Dorset Care"], moreCommitments: dorset });
    const counted = (await createReportActions(notRequired.run, CLOCK).buildSummaries()).summaries;
    expect(counted.find((s) => s.bidder === "Dorset Care")?.quantitative.points).toBe(10);
    expect(counted.find((s) => s.bidder === best.bidder)?.quantitative.points).toBeLessThan(10);
  });

  it("builds the report, and refuses a register for a bid with neither commitments nor answers, saying so", async () => {
    const { fake, run } = await withAnEmptyBid();
    const actions = createReportActions(run, CLOCK);
    await expect(actions.buildReport()).resolves.toMatchObject({ winner: "Acme Grounds Ltd" });
    await expect(actions.buildRegister("Dorset Care")).rejects.toThrow(
      "Dorset Care has no commitments on SV Commitments and no written answers on SV Answers, so there is nothing to register.",
    );
    // A row of SV Answers naming the bidder with its answer left blank is no answer either.
    await fillTable(run, TABLES.answers, [{ Bidder: "Dorset Care", Criterion: "ILL-Q1", Answer: "" }]);
    await expect(actions.buildRegister("Dorset Care")).rejects.toThrow("Dorset Care has no commitments on SV Commitments and no written answers on SV Answers");
    expect(fake.inspect.sheetNames()).not.toContain(SHEETS.register);
  });

  it("when two bids tie at rank 1, names both as leading and asks whose register to build", async () => {
    // Echo Ltd offers exactly what Acme offers and is marked the same: the same score.
    const acme = [
      ["ILL1", "FTE", 6],
      ["ILL7", "£", 150000],
      ["ILL12", "tCO2e", 35],
      ["ILL6", "%", 40],
    ];
    const { run, fake } = await aScoredTender({ castleQ2Agreed: true, moreBidders: ["Echo Ltd"], moreCommitments: acme.map((c) => ["Echo Ltd", ...c, ""]) });
    const marks: Record<string, number> = { "Acme Grounds Ltd": 4, "Brightside CIC": 5, "Castle Services": 2, "Echo Ltd": 4 };
    await fillTable(
      run,
      TABLES.consensus,
      Object.entries(marks).flatMap(([Bidder, Consensus]) => ILLUSTRATIVE.criteria.map((c) => ({ Bidder, Criterion: c.id, Consensus, Rationale: `${RATIONALE} (${Bidder}, ${c.id})`, AgreedBy: "Ann" }))),
    );
    const scores = tableRows(fake, TABLES.scores);
    expect(scores.filter((r) => r.Rank === 1).map((r) => r.Bidder)).toEqual(["Acme Grounds Ltd", "Echo Ltd"]);
    const actions = createReportActions(run, CLOCK);
    expect((await actions.buildReport()).winner).toBe("Acme Grounds Ltd and Echo Ltd");
    const { summaries } = await actions.buildSummaries();
    expect(summaries.filter((x) => x.rank === 1).map((x) => x.bidder)).toEqual(["Acme Grounds Ltd", "Echo Ltd"]);
    expect(summaries.find((x) => x.bidder === "Echo Ltd")?.text).toContain("(ranked 1 of 4)");
    await expect(actions.buildRegister()).rejects.toThrow("Acme Grounds Ltd and Echo Ltd share rank 1 on SV Scores: choose the bidder the register is for.");
  });
});

describe("the winner's written answers in the register", () => {
  const QUESTIONS = ILLUSTRATIVE.criteria.map((c) => c.question);
  const ACME_Q1 = "We will recruit six local people through the Jobcentre and report the postcodes each quarter. ".repeat(60);
  // Typed with the apostrophe Excel uses for "text, not a formula": SV Answers holds the text "=2+2 …".
  const ACME_Q2 = "=2+2 is how we count: two apprentices a year, two school visits a term, reported to the council.";

  async function withAnswers() {
    const wb = await aScoredTender();
    await fillTable(wb.run, TABLES.answers, [
      { Bidder: "Brightside CIC", Criterion: "ILL-Q1", Answer: "Brightside will run a garden club with Hill Primary." },
      { Bidder: "acme grounds ltd ", Criterion: "ILL-Q2", Answer: `'${ACME_Q2}` },
      { Bidder: "Castle Services", Criterion: "ILL-Q2", Answer: "Castle reports monthly to the contract manager." },
      { Bidder: "Acme Grounds Ltd", Criterion: "ILL-Q1", Answer: ACME_Q1 },
    ]);
    wb.fake.resetStats();
    return wb;
  }

  it("lists the winner's answers in full, as text, in the tender's order of criteria, and no other bidder's", async () => {
    const { fake, run } = await withAnswers();
    const result = await createReportActions(run, CLOCK).buildRegister();
    expect([result.bidder, result.rows, result.answers]).toEqual(["Acme Grounds Ltd", 4, 2]);
    expect(fake.inspect.values(`'${SHEETS.register}'!V3:X6`)).toEqual([
      ["What Acme Grounds Ltd undertook in its answers — part of the contract", "", ""],
      ["Criterion", "Question", "Answer, as written"],
      ["ILL-Q1", QUESTIONS[0], ACME_Q1],
      ["ILL-Q2", QUESTIONS[1], ACME_Q2],
    ]);
    // The answer starting with "=" is the bidder's text, not a formula the workbook runs.
    expect(fake.inspect.formulas(`'${SHEETS.register}'!X6`)[0]?.[0]).toBe(ACME_Q2);
    expect(fake.inspect.values(`'${SHEETS.register}'!A3`)[0]?.[0]).toBe("What Acme Grounds Ltd undertook in its written answers is part of the contract too: see columns V to X.");
    const everything = cellsIn(fake, SHEETS.register).join("\n") + fake.inspect.values(`'${SHEETS.register}'!U1:Z40`).flat().join("\n");
    expect(everything).not.toMatch(/Brightside will run|Castle reports monthly/);
    // The commitments, KPIs and offers are where they were.
    expect(fake.inspect.values(`'${SHEETS.register}'!O5:S5`)).toEqual([["Local spend", "£", 150000, 0, 0.125]]);
  });

  it("another bidder's register lists that bidder's answers, and a rebuild keeps the Delivered figures", async () => {
    const { fake, run } = await withAnswers();
    const actions = createReportActions(run, CLOCK);
    await actions.buildRegister("Brightside CIC");
    await run(async (context) => {
      context.workbook.worksheets.getItem(SHEETS.register).getRange("I5").values = [[2]];
      await context.sync();
    });
    const again = await actions.buildRegister("Brightside CIC");
    expect([again.kept, again.answers]).toEqual([1, 1]);
    expect(fake.inspect.values(`'${SHEETS.register}'!V5:X6`)).toEqual([
      ["ILL-Q1", QUESTIONS[0], "Brightside will run a garden club with Hill Primary."],
      ["", "", ""],
    ]);
    expect(fake.inspect.values(`'${SHEETS.register}'!I5:K5`)).toEqual([[2, "", "On track"]]);
  });

  it("writes nothing when SV Answers is sorted between reading whose answers are where and reading them", async () => {
    const { fake, run } = await withAnswers();
    // Run 3 looks for a leftover register, then reads Acme's answers: the sort comes just before that read.
    let runs = 0;
    const sorted: ExcelRun = (batch) => {
      if (++runs === 3) fake.coauthor.beforeRequest(2, (co) => co.sortTable(TABLES.answers, "Criterion", false));
      return run(batch);
    };
    await expect(createReportActions(sorted, CLOCK).buildRegister()).rejects.toThrow("SV Answers changed while the register was being built (someone else is editing it?), so nothing was written. Build the register again.");
    expect(fake.inspect.sheetNames()).not.toContain(SHEETS.register);
    // Read again, the answers are found where they now are.
    await expect(createReportActions(run, CLOCK).buildRegister()).resolves.toMatchObject({ answers: 2 });
  });

  it("costs one request more than a register without answers, however the answers are spread", async () => {
    const plain = await aScoredTender();
    await createReportActions(plain.run, CLOCK).buildRegister();
    plain.fake.resetStats();
    await createReportActions(plain.run, CLOCK).buildRegister();
    const { fake, run } = await withAnswers();
    await createReportActions(run, CLOCK).buildRegister();
    fake.resetStats();
    await createReportActions(run, CLOCK).buildRegister();
    expect(fake.stats.requests).toBe(plain.fake.stats.requests + 1);
  });

  /** 20 bidders × 10 criteria × 30,000 characters: about 6 MB of answers, more than one response may carry. */
  async function withLongAnswers(hostOptions: Parameters<typeof anEvaluationWorkbook>[2] = {}) {
    const criteria = Array.from({ length: 10 }, (_, i) => ({ id: `Q${i + 1}`, question: `Question ${i + 1}: how will you deliver and evidence it?` }));
    const bidders = Array.from({ length: 20 }, (_, i) => `Bidder ${String(i + 1).padStart(2, "0")}`);
    const wb = await anEvaluationWorkbook(
      [["Bidder 01", "ILL1", "FTE", 6, ""], ["Bidder 02", "ILL1", "FTE", 5, ""]],
      aPlanInput({ settings: aTender({ contractValue: 1_200_000, maxPoints: 20, quantitativeShare: 0.5 }), bidders, criteria }),
      hostOptions,
    );
    // Criterion by criterion, as forms imported one at a time would not be: each bidder's rows are apart.
    const keys = criteria.flatMap((c) => bidders.map((b) => ({ Bidder: b, Criterion: c.id })));
    await typeIntoTable(wb.run, TABLES.answers, keys);
    const table = wb.fake.inspect.table(TABLES.answers)!;
    const [, firstCell] = /!\$?([A-Z]+\$?\d+)/.exec(table.dataBodyAddress) ?? [];
    const top = Number(/\d+/.exec(firstCell ?? "")?.[0]);
    const answerColumn = String.fromCharCode(65 + table.headers.indexOf("Answer"));
    const text = (b: string, c: string): string => `${b} on ${c}: `.padEnd(30_000, "we will recruit locally, pay the real living wage and report every quarter; ");
    // Typed by hand into the workbook: no one request could carry 6 MB either.
    wb.fake.coauthor.now((co) => keys.forEach((k, i) => co.type(`'${SHEETS.answers}'!${answerColumn}${top + i}`, text(k.Bidder, k.Criterion))));
    wb.fake.resetStats();
    return { ...wb, criteria, text };
  }

  it("reads only the chosen bidder's answers, each in full, when all the answers together pass Excel's 5 MB response limit", async () => {
    const { fake, run, criteria, text } = await withLongAnswers();
    const result = await createReportActions(run, CLOCK).buildRegister("Bidder 02");
    expect(result.answers).toBe(10);
    const shown = fake.inspect.values(`'${SHEETS.register}'!V5:X14`);
    expect(shown).toEqual(criteria.map((c) => [c.id, c.question, text("Bidder 02", c.id)]));
    expect(fake.stats.maxResponseBytes).toBeLessThan(5 * 1024 * 1024);
    expect(fake.stats.maxRequestBytes).toBeLessThan(5 * 1024 * 1024);
  });

  it("reads the answers again in smaller blocks when Excel refuses a response as too large", async () => {
    // A 200 KB response limit stands for Excel's 5 MB: the bidder's ten answers are 300 KB.
    const { fake, run, criteria, text } = await withLongAnswers({ limits: { responsePayloadBytes: 200_000 } });
    const result = await createReportActions(run, CLOCK).buildRegister("Bidder 01");
    expect(result.answers).toBe(10);
    expect(fake.inspect.values(`'${SHEETS.register}'!X5:X14`)).toEqual(criteria.map((c) => [text("Bidder 01", c.id)]));
    // The host records the size of the response it refused: the first read did pass the limit.
    expect(fake.stats.maxResponseBytes).toBeGreaterThan(200_000);
  });
});

describe("a tender scored on its answers alone", () => {
  /** A qualitative tender (0% for commitments, as Southend 2050 and PPN 002 run): no bidder commits anything. */
  async function aQualitativeTender() {
    const wb = await anEvaluationWorkbook(
      [],
      aPlanInput({ settings: aTender({ contractName: "Day services", contractValue: 800_000, maxPoints: 10, quantitativeShare: 0 }), bidders: BIDDERS, criteria: ILLUSTRATIVE.criteria }),
    );
    await fillTable(
      wb.run,
      TABLES.consensus,
      BIDDERS.flatMap((Bidder, b) => ILLUSTRATIVE.criteria.map((c) => ({ Bidder, Criterion: c.id, Consensus: [3, 5, 2][b], Rationale: `${RATIONALE} (${c.id})`, AgreedBy: "Ann" }))),
    );
    await fillTable(wb.run, TABLES.answers, [
      { Bidder: "Brightside CIC", Criterion: "ILL-Q2", Answer: "A quarterly return of hours, countersigned by each partner." },
      { Bidder: "Acme Grounds Ltd", Criterion: "ILL-Q1", Answer: "Acme will deliver through its site teams." },
      { Bidder: "Brightside CIC", Criterion: "ILL-Q1", Answer: "Two local hires in the first year, named in the mobilisation plan." },
    ]);
    wb.fake.resetStats();
    return wb;
  }

  it("builds the winner's register of its answers, with a commitments table of no rows whose formulas stay blank or 0", async () => {
    const { fake, run } = await aQualitativeTender();
    const actions = createReportActions(run, CLOCK);
    const result = await actions.buildRegister();
    expect([result.bidder, result.rows, result.answers]).toEqual(["Brightside CIC", 0, 2]);
    expect(fake.inspect.values(`'${SHEETS.register}'!X5:X6`)).toEqual([
      ["Two local hires in the first year, named in the mobilisation plan."],
      ["A quarterly return of hours, countersigned by each partner."],
    ]);
    // Excel keeps one blank data row in a table: no status is worked out for it.
    expect(fake.inspect.table(TABLES.register)?.headers).toEqual([...REGISTER_COLUMNS]);
    expect(tableRows(fake, TABLES.register).map((r) => r.Status)).toEqual([""]);
    expect(fake.inspect.values(`'${SHEETS.register}'!O5:R8`)).toEqual([
      ["Local spend", "£", 0, 0],
      ["Local employment", "FTE", 0, 0],
      ["Local employment (share of workforce)", "%", 0, 0],
      ["Carbon saved", "tCO2e", 0, 0],
    ]);
    expect(sheetValues(fake, SHEETS.register).flat().filter((v) => typeof v === "string" && v.startsWith("#"))).toEqual([]);
    // Built again (the register in use has the blank row), it is the same.
    await expect(actions.buildRegister()).resolves.toMatchObject({ rows: 0, kept: 0 });
    expect(fake.inspect.values(`'${SHEETS.register}'!X5`)).toEqual([["Two local hires in the first year, named in the mobilisation plan."]]);
  });
});

describe("assessment summaries and the panel's clarifications (issue #16 point 4)", () => {
  it("tell the bidder which commitment was clarified, what the panel decided, by whom, when and why", async () => {
    const { run } = await aScoredTender({ moreCommitments: [["Castle Services", "ILL10", "hours", 5_000_000, ""]] });
    await typeIntoTable(run, TABLES.clarifications, [
      { Bidder: "Castle Services", Ref: "ILL10", Issue: "5,000,000 hours", Outcome: "Capped", CappedAt: 2_000, Reason: "The bidder confirmed 2,000 hours over the contract", DecidedBy: "Dee Lead", DecidedAt: 46023 },
    ]);
    const result = await createReportActions(run, CLOCK).buildSummaries();
    const castle = result.summaries.find((s) => s.bidder === "Castle Services");
    expect(castle?.text).toContain("2,000 hours");
    expect(castle?.text).toContain("as clarified: capped at 2,000 by Dee Lead on 1 January 2026: The bidder confirmed 2,000 hours over the contract");
  });
});
