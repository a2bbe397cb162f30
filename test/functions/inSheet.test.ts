/**
 * The TENDER functions in a workbook as evaluators build it, evaluated by a real formula
 * engine (HyperFormula, with test/support/tenderFunctionsPlugin.ts doing what Excel does
 * between a cell and a custom function). Figures are worked out by hand in the comments and
 * cross-checked against the plain functions and against src/core.
 */
import "../support/customFunctions";
import { generateCustomFunctionsMetadata } from "custom-functions-metadata";
import { join } from "path";
import type { RawCellContent } from "hyperformula";
import { valueBids } from "../../src/core/scores/valuation";
import { measureTableFromFramework } from "../../src/core/setup/measureTable";
import { ILLUSTRATIVE } from "../../src/core/setup/frameworks";
import { UNITS } from "../../src/core/setup/units";
import { svBenchmark, svCheck, svReturn, svScore, svValue } from "../../src/functions/functions";
import { ErrorCode } from "../support/customFunctions";
import {
  buildTenderEngine,
  cellErrorFor,
  signaturesFromMetadata,
  TENDER_SIGNATURES,
  unregisterTenderFunctions,
  type SheetsInput,
} from "../support/tenderFunctionsPlugin";

// ---------------------------------------------------------------------------------------------
// The workbook

/**
 * Eight measures of the add-in's illustrative set, as the add-in inserts them: £101 per expert
 * hour and £16.93 per volunteering hour (Essex County Council, DOMAIN.md), and ILL6, a
 * record-only measure whose proxy cell is blank.
 */
const MEASURE_REFS = ["ILL1", "ILL4", "ILL6", "ILL7", "ILL9", "ILL10", "ILL11", "ILL12"];
const MEASURE_TABLE = measureTableFromFramework(ILLUSTRATIVE).filter((m) => MEASURE_REFS.includes(m.ref));
const MEASURES: RawCellContent[][] = [
  ["Ref", "Measure", "Unit", "Proxy"],
  ...MEASURE_TABLE.map((m) => [m.ref, m.description, UNITS[m.unit].label, m.proxy]),
];

const LAST_ROW = 30; // the formulas read rows 2–30: the bids fill 2–16, the rest are blank
const check = (row: number): string => `=TENDER.SVCHECK(B${row},C${row},D${row},Measures!$A$2:$A$9,Measures!$C$2:$C$9)`;

/** Bidder, Ref, Quantity, Unit as bidders typed them; Check is a formula on every row. */
const BIDS: RawCellContent[][] = [
  ["Acme Ltd", "ILL1", 3, "FTE"], // 3 × £20,000 = £60,000
  ["Acme Ltd", "ILL9", 120, "hrs"], // 120 × £101 = £12,120
  ["Acme Ltd", "ILL10", 400, "volunteering hours"], // 400 × £16.93 = £6,772
  ["Acme Ltd", "ILL6", 80, "%"], // record-only: £0
  ["Acme Ltd", "ILL7", 250_000, "GBP"], // 250,000 × £0.50 = £125,000 → Acme £203,892
  [null, null, null, null], // a blank row between bids
  ["Birch Services", "ILL4", 52, "weeks"], // 52 × £200 = £10,400
  ["Birch Services", "ILL10", 1_000, "hours"], // 1,000 × £16.93 = £16,930
  ["Birch Services", "ILL11", 4, "no."], // 4 × £500 = £2,000
  ["Birch Services", "ILL12", 25, "tCO2e"], // 25 × £200 = £5,000
  [" birch services ", " ill1 ", 1, "FTE"], // typed carelessly, still Birch's ILL1: £20,000 → Birch £54,330
  ["Cedar CIC", "ILL9", 40, "hours"], // 40 × £101 = £4,040
  ["Cedar CIC", "ILL10", 250, "hrs"], // 250 × £16.93 = £4,232.50
  ["Cedar CIC", "ILL7", 20_000, "£"], // 20,000 × £0.50 = £10,000
  ["Cedar CIC", "ILL12", 10, "tonnes"], // wrong unit (ILL12 is tCO2e); valued all the same: £2,000 → Cedar £20,272.50
];
const COMMITMENTS: RawCellContent[][] = [
  ["Bidder", "Ref", "Quantity", "Unit", "Check"],
  ...Array.from({ length: LAST_ROW - 1 }, (_, i) => [...(BIDS[i] ?? [null, null, null, null]), check(i + 2)]),
];

const SETUP: RawCellContent[][] = [
  ["Contract value", 1_000_000],
  ["Max points", 10],
  ["Target return", 0.1],
];

const BIDDERS = ["Acme Ltd", "Birch Services", "Cedar CIC"];
const r = (col: string): string => `Commitments!$${col}$2:$${col}$${LAST_ROW}`;
const SCORES: RawCellContent[][] = [
  ["Bidder", "Value", "Return", "Relative", "Target", "Benchmark", "Rank", "", "Returns (one formula)"],
  ...BIDDERS.map((bidder, i) => {
    const row = i + 2;
    return [
      bidder,
      `=TENDER.SVVALUE(${r("B")}, ${r("C")}, Measures!$A$2:$A$9, Measures!$D$2:$D$9, ${r("A")}, A${row})`,
      `=TENDER.SVRETURN(B${row}, Setup!$B$1)`,
      `=TENDER.SVSCORE(B${row}, $B$2:$B$4, Setup!$B$2)`,
      `=TENDER.SVSCORE(B${row}, $B$2:$B$4, Setup!$B$2, "target", Setup!$B$1*Setup!$B$3)`,
      `=TENDER.SVBENCHMARK(C${row})`,
      // HyperFormula has no RANK; this is RANK(D2, $D$2:$D$4) as Excel defines it (descending, ties share a rank).
      `=COUNTIF($D$2:$D$4, ">"&D${row})+1`,
      null,
      // One formula in I2 spills the three returns down I2:I4.
      row === 2 ? "=TENDER.SVRETURN(B2:B4, Setup!$B$1)" : null,
    ];
  }),
];

function aWorkbook(extra: SheetsInput = {}): SheetsInput {
  return { Measures: MEASURES, Commitments: COMMITMENTS, Setup: SETUP, Scores: SCORES, ...extra };
}

function open(sheets: SheetsInput = aWorkbook()) {
  const hf = buildTenderEngine(sheets);
  const address = (ref: string) => {
    const [sheet, a1] = ref.split("!") as [string, string];
    const id = hf.getSheetId(sheet);
    const addr = id === undefined ? undefined : hf.simpleCellAddressFromString(a1, id);
    if (!addr) throw new Error(`no cell ${ref}`);
    return addr;
  };
  return {
    hf,
    value: (ref: string) => hf.getCellValue(address(ref)),
    column: (sheet: string, col: string, from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => hf.getCellValue(address(`${sheet}!${col}${from + i}`))),
    set: (ref: string, content: RawCellContent) => hf.setCellContents(address(ref), content),
  };
}

/** A cell showing an Excel error, with the message Excel would show (if given). */
const anExcelError = (value: string, message?: RegExp): unknown =>
  expect.objectContaining({ value, ...(message ? { message: expect.stringMatching(message) } : {}) });

/** A column of the input sheet as Excel passes it to a custom function: a 2-D array, blanks null. */
const argColumn = (sheet: RawCellContent[][], col: number, from = 2, to = LAST_ROW): unknown[][] =>
  Array.from({ length: to - from + 1 }, (_, i) => [sheet[from - 1 + i]?.[col] ?? null]);

const HAND = {
  value: { "Acme Ltd": 203_892, "Birch Services": 54_330, "Cedar CIC": 20_272.5 },
};

afterAll(unregisterTenderFunctions);

// ---------------------------------------------------------------------------------------------

describe("the plugin follows functions.json", () => {
  it("declares each function's parameters and result as the generated metadata does", async () => {
    const generated = await generateCustomFunctionsMetadata(join(__dirname, "..", "..", "src", "functions", "functions.ts"), true);
    expect(generated.errors).toEqual([]);
    expect(signaturesFromMetadata(generated.metadataJson, generated.associate)).toEqual(TENDER_SIGNATURES);
  });

  it("lets errors in inputs reach the cell, as Excel does when allowErrorForDataTypeAny is not set", async () => {
    const generated = await generateCustomFunctionsMetadata(join(__dirname, "..", "..", "src", "functions", "functions.ts"), true);
    expect((JSON.parse(generated.metadataJson) as { allowErrorForDataTypeAny?: boolean }).allowErrorForDataTypeAny).not.toBe(true);
  });

  it("shows each error code the functions throw as the matching Excel error", () => {
    expect(cellErrorFor(ErrorCode.invalidValue, "why").message).toBe("why");
    expect(cellErrorFor(ErrorCode.notAvailable, "why").message).toBe("why");
    expect(cellErrorFor(ErrorCode.invalidNumber, "why").type).toBe("NUM");
    expect(cellErrorFor(ErrorCode.divisionByZero, "why").type).toBe("DIV_BY_ZERO");
    // Excel shows a message with #VALUE! and #N/A only.
    expect(cellErrorFor(ErrorCode.invalidNumber, "why").message ?? "").toBe("");
    expect(() => cellErrorFor(ErrorCode.nullReference)).toThrow(/#NULL!/);
  });
});

describe("a scores sheet of three bids", () => {
  it("values each bid by the Σ quantity × proxy worked out by hand", () => {
    const { column } = open();
    const [acme, birch, cedar] = column("Scores", "B", 2, 4) as number[];
    expect(acme).toBeCloseTo(HAND.value["Acme Ltd"], 9);
    expect(birch).toBeCloseTo(HAND.value["Birch Services"], 9);
    expect(cedar).toBeCloseTo(HAND.value["Cedar CIC"], 9);
  });

  it("gives each cell exactly what the plain function returns for the same ranges", () => {
    const { column } = open();
    const refs = argColumn(COMMITMENTS, 1);
    const quantities = argColumn(COMMITMENTS, 2);
    const bidders = argColumn(COMMITMENTS, 0);
    const measureRefs = argColumn(MEASURES, 0, 2, 9);
    const proxies = argColumn(MEASURES, 3, 2, 9);
    const direct = BIDDERS.map((b) => svValue(refs, quantities, measureRefs, proxies, bidders, b));
    expect(column("Scores", "B", 2, 4)).toEqual(direct);

    const values = direct.map((v) => [v]);
    expect(column("Scores", "C", 2, 4)).toEqual(direct.map((v) => svReturn([[v]], [[1_000_000]])[0]?.[0]));
    expect(column("Scores", "D", 2, 4)).toEqual(direct.map((v) => svScore([[v]], values, 10, null, null)[0]?.[0]));
    expect(column("Scores", "E", 2, 4)).toEqual(direct.map((v) => svScore([[v]], values, 10, "target", 100_000)[0]?.[0]));
    const returns = column("Scores", "C", 2, 4) as number[];
    expect(column("Scores", "F", 2, 4)).toEqual(returns.map((x) => svBenchmark([[x]], null)[0]?.[0]));
  });

  it("agrees with src/core's valuation of the same commitments", () => {
    const { column } = open();
    const commitments = BIDS.flatMap((row, i) =>
      row[0] === null ? [] : [{ row: i + 2, bidder: String(row[0]), ref: String(row[1]), quantity: row[2] as number }]
    );
    const core = valueBids(commitments, MEASURE_TABLE, 1_000_000);
    expect(core.map((b) => b.bidder)).toEqual(BIDDERS);
    expect(column("Scores", "B", 2, 4)).toEqual(core.map((b) => b.total));
    expect(column("Scores", "C", 2, 4)).toEqual(core.map((b) => b.returnRatio));
    expect(column("Scores", "F", 2, 4)).toEqual(core.map((b) => b.benchmark.total));
  });

  it("returns 20.4p, 5.4p and 2.0p per £1 on a £1m contract, each in its Southend benchmark band", () => {
    const { column } = open();
    const [acme, birch, cedar] = column("Scores", "C", 2, 4) as number[];
    expect(acme).toBeCloseTo(0.203892, 12);
    expect(birch).toBeCloseTo(0.05433, 12);
    expect(cedar).toBeCloseTo(0.0202725, 12);
    // Total benchmarks 3.8% / 15.7% / 36.6% (Southend policy, seed 002).
    expect(column("Scores", "F", 2, 4)).toEqual(["median to upper quartile", "lower quartile to median", "below lower quartile"]);
  });

  it("scores relative to the best bid and against a £100k target, and ranks with a native formula", () => {
    const { column } = open();
    const [acme, birch, cedar] = column("Scores", "D", 2, 4) as number[];
    expect(acme).toBe(10);
    expect(birch).toBeCloseTo((10 * 54_330) / 203_892, 12); // 2.6646…
    expect(cedar).toBeCloseTo((10 * 20_272.5) / 203_892, 12); // 0.9943…
    const [acmeT, birchT, cedarT] = column("Scores", "E", 2, 4) as number[];
    expect(acmeT).toBe(10); // £203,892 beats the £100,000 target: capped at max points
    expect(birchT).toBeCloseTo(5.433, 12);
    expect(cedarT).toBeCloseTo(2.02725, 12);
    expect(column("Scores", "G", 2, 4)).toEqual([1, 2, 3]);
  });

  it("spills one SVRETURN over the value column into the cells below", () => {
    const { value, column } = open();
    expect(column("Scores", "I", 2, 4)).toEqual(column("Scores", "C", 2, 4));
    expect(value("Scores!I5")).toBeNull();
  });
});

describe("the Check column", () => {
  it('shows "OK" for good rows and for blank ones', () => {
    const { column } = open();
    const checks = column("Commitments", "E", 2, LAST_ROW);
    expect(checks.filter((c) => c !== "OK")).toHaveLength(1);
    expect(checks[7 - 2]).toBe("OK"); // the blank row between bids
    expect(checks[LAST_ROW - 2]).toBe("OK"); // blank rows after the data
  });

  it("shows the coded message for a unit that does not match its measure", () => {
    const { value } = open();
    const shown = value("Commitments!E16");
    expect(shown).toMatch(/^SV108 .*tonnes.*ILL12.*tCO2e/);
    expect(shown).toBe(svCheck("ILL12", 10, "tonnes", argColumn(MEASURES, 0, 2, 9), argColumn(MEASURES, 2, 2, 9)));
  });

  it("follows a correction: fixing the unit turns the row OK", () => {
    const { value, set } = open();
    set("Commitments!D16", "tCO2e");
    expect(value("Commitments!E16")).toBe("OK");
  });
});

describe("recalculation", () => {
  it("updates value, return, scores, ranks and the spill when a quantity changes", () => {
    const { value, column, set } = open();
    // Cedar raises its local spend from £20,000 to £500,000: +480,000 × £0.50 = +£240,000.
    set("Commitments!C15", 500_000);
    expect(value("Scores!B4")).toBeCloseTo(260_272.5, 9);
    expect(value("Scores!C4")).toBeCloseTo(0.2602725, 12);
    expect(value("Scores!I4")).toBe(value("Scores!C4"));
    const [acme, birch, cedar] = column("Scores", "D", 2, 4) as number[];
    expect(cedar).toBe(10);
    expect(acme).toBeCloseTo((10 * 203_892) / 260_272.5, 12);
    expect(birch).toBeCloseTo((10 * 54_330) / 260_272.5, 12);
    expect(column("Scores", "G", 2, 4)).toEqual([2, 3, 1]);
    expect(value("Scores!F4")).toBe("median to upper quartile");
  });

  it("updates when a proxy in the measure table changes", () => {
    const { value, set } = open();
    set("Measures!D6", 200); // ILL9 expert hour £101 → £200: Acme +120 × £99
    expect(value("Scores!B2")).toBeCloseTo(203_892 + 120 * 99, 9);
  });
});

describe("errors reach the cell as Excel shows them", () => {
  it("an unknown ref is #N/A naming the row, and only that bid's value is affected", () => {
    const { value, set } = open();
    set("Commitments!B13", "ILL99");
    expect(value("Scores!B4")).toEqual(anExcelError("#N/A", /refs row 12: measure "ILL99" is not in measure_refs/));
    expect(value("Scores!B2")).toBeCloseTo(203_892, 9);
    expect(value("Commitments!E13")).toMatch(/^SV103 /);
  });

  it("an error in a scored range spreads to every score that reads it, as in Excel", () => {
    const { value, set } = open();
    set("Commitments!B13", "ILL99");
    expect(value("Scores!D2")).toEqual(anExcelError("#N/A"));
    expect(value("Scores!G2")).toEqual(anExcelError("#N/A"));
  });

  it("a quantity typed as words is #VALUE! saying where", () => {
    const { value, set } = open();
    set("Commitments!C9", "lots");
    expect(value("Scores!B3")).toEqual(anExcelError("#VALUE!", /quantities row 8 is "lots", not a number/));
  });

  it("a negative quantity is #NUM!, without a message as Excel shows none", () => {
    const { value, set } = open();
    set("Commitments!C2", -3);
    expect(value("Scores!B2")).toEqual(anExcelError("#NUM!"));
    expect(value("Scores!B2")).toEqual(expect.objectContaining({ message: "" }));
  });

  it("a blank contract value is #DIV/0!", () => {
    const { value, set } = open();
    set("Setup!B1", null);
    expect(value("Scores!C2")).toEqual(anExcelError("#DIV/0!"));
    expect(value("Scores!I2")).toEqual(anExcelError("#DIV/0!"));
  });

  it("an Excel error in an input range is passed on without calling the function, even in rows the criterion filters out", () => {
    const { value, set } = open();
    set("Commitments!C2", "=NA()"); // one of Acme's quantities
    expect(value("Scores!B2")).toEqual(anExcelError("#N/A"));
    expect(value("Scores!B3")).toEqual(anExcelError("#N/A")); // Birch's value: Excel never calls SVVALUE
    expect(value("Commitments!E2")).toEqual(anExcelError("#N/A"));
  });

  it("a #DIV/0! in a one-cell argument is passed on", () => {
    const { value } = open(aWorkbook({ Extra: [["=TENDER.SVRETURN(1/0, 100)", "=TENDER.SVSCORE(1, 1, 1/0)"]] }));
    expect(value("Extra!A1")).toEqual(anExcelError("#DIV/0!"));
    expect(value("Extra!B1")).toEqual(anExcelError("#DIV/0!"));
  });
});

describe("blank cells and omitted arguments", () => {
  it("reads a blank cell as null: blank rows in the ranges are skipped, not read as ref 0", () => {
    // Rows 7 and 17–30 are blank. Without a criterion every row is read; a blank read as 0
    // would be an unknown ref 0 (#N/A).
    const { value } = open(
      aWorkbook({ Extra: [[`=TENDER.SVVALUE(${r("B")}, ${r("C")}, Measures!$A$2:$A$9, Measures!$D$2:$D$9)`]] })
    );
    expect(value("Extra!A1")).toBeCloseTo(203_892 + 54_330 + 20_272.5, 9);
  });

  it("counts a blank value as 0 and ignores blank cells among the values scored against", () => {
    const { value } = open(
      aWorkbook({ Extra: [["=TENDER.SVRETURN(Z1, 100)", "=TENDER.SVSCORE(Scores!B3, Scores!$B$2:$B$9, 10)", "=TENDER.SVSCORE(Z1, Scores!$B$2:$B$4, 10)"]] })
    );
    expect(value("Extra!A1")).toBe(0);
    expect(value("Extra!B1")).toBe(value("Scores!D3"));
    expect(value("Extra!C1")).toBe(0);
  });

  it("passes an omitted or empty optional argument as null, so the default applies", () => {
    const { value } = open(
      aWorkbook({ Extra: [["=TENDER.SVSCORE(Scores!B3, Scores!$B$2:$B$4, 10,,)", '=TENDER.SVSCORE(Scores!B3, Scores!$B$2:$B$4, 10, "relative")', "=TENDER.SVBENCHMARK(Scores!C3,)"]] })
    );
    expect(value("Extra!A1")).toBe(value("Scores!D3"));
    expect(value("Extra!B1")).toBe(value("Scores!D3"));
    expect(value("Extra!C1")).toBe("lower quartile to median");
  });

  it("treats a one-cell range and a literal alike where Excel passes a matrix", () => {
    const { value } = open(aWorkbook({ Extra: [[250_000, "=TENDER.SVRETURN(A1, 1000000)", "=TENDER.SVRETURN(250000, Setup!B1)"]] }));
    expect(value("Extra!B1")).toBe(0.25);
    expect(value("Extra!C1")).toBe(0.25);
  });

  it("accepts the function name in any case, as Excel does", () => {
    const { value } = open(aWorkbook({ Extra: [["=tender.svreturn(Scores!B2, Setup!B1)"]] }));
    expect(value("Extra!A1")).toBe(value("Scores!C2"));
  });
});
