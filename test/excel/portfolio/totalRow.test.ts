/**
 * A PF_ table whose user turned on its Total Row (Table Design > Total Row), gathered into on
 * Microsoft's Excel client: the table grows over the blank rows below its total row, the total
 * row stays below the data with its formulas and formats, and nothing is lost. Excel's documents
 * say neither how Table.resize treats a total row nor whether a total row turned off and on comes
 * back as it was, so the host refuses the first (NotModelled) and the second is checked both ways
 * (the totals-forgotten profile).
 */
import { gatherPortfolio, type PortfolioFile } from "../../../src/excel/portfolio/gatherPortfolio";
import { PORTFOLIO_TABLES } from "../../../src/core/portfolio/schema";
import type { ExcelRun } from "../../../src/excel/shared/excelRun";
import { createExcelHost, type ExcelHost, type ProfileName } from "../../excelHost";
import { aSignedTender, xlsxOf } from "../../forms/signedEvaluationSupport";

const NOW = new Date(Date.UTC(2027, 5, 1, 12, 0));
const COMMITMENTS = PORTFOLIO_TABLES.commitments;

let care: PortfolioFile;
let lighting: PortfolioFile;

beforeAll(async () => {
  care = { name: "Domiciliary care.xlsx", bytes: await xlsxOf((await aSignedTender()).fake) };
  lighting = { name: "Street lighting.xlsx", bytes: await xlsxOf((await aSignedTender({ tenderId: "T-2026-0202", contractName: "Street lighting", contractValue: 6_000_000 })).fake) };
}, 240_000);

async function gather(run: ExcelRun, files: readonly PortfolioFile[]): Promise<void> {
  await run((context) => gatherPortfolio(context, files, [], undefined, { now: NOW }));
}

/** A portfolio gathered from one file, then PF_Commitments given a Total Row as a user would: a label, a sum and its format. */
async function aPortfolioWithTotals(profile?: ProfileName): Promise<{ host: ExcelHost; run: ExcelRun }> {
  const host = createExcelHost(profile ? { profile } : {});
  const run = host.run as unknown as ExcelRun;
  await gather(run, [care]);
  await run(async (context) => {
    const table = context.workbook.tables.getItem(COMMITMENTS.name);
    table.showTotals = true;
    const total = table.getTotalRowRange();
    total.getCell(0, 0).values = [["Total"]];
    const committed = total.getCell(0, COMMITMENTS.columns.findIndex((c) => c.name === "Committed"));
    committed.formulas = [["=SUBTOTAL(109,PF_Commitments[Committed])"]];
    committed.numberFormat = [["#,##0.0"]];
    await context.sync();
  });
  return { host, run };
}

/** A PF_ table's body as records by header, read straight from the host. */
function rowsOf(host: ExcelHost): Record<string, unknown>[] {
  const t = host.inspect.table(COMMITMENTS.name)!;
  return host.inspect.values(t.dataBodyAddress).map((row) => Object.fromEntries(t.headers.map((h, i) => [h, row[i]])));
}

const lastRowOf = (address: string): number => Number(/(\d+)$/.exec(address)![1]);
const committedLetter = String.fromCharCode(65 + COMMITMENTS.columns.findIndex((c) => c.name === "Committed"));

describe.each(["web", "totals-forgotten"] as const)("a PF_ table with a Total Row, on the %s profile", (profile) => {
  it("grows over the rows below its total row, which stays below the data with its label, formula and format, nothing lost", async () => {
    const { host, run } = await aPortfolioWithTotals(profile);
    const before = rowsOf(host);
    expect(before).toHaveLength(4);

    await gather(run, [care, lighting]);

    const table = host.inspect.table(COMMITMENTS.name)!;
    const after = rowsOf(host);
    expect(after).toHaveLength(8);
    expect(new Set(after.map((c) => c.CommitmentKey)).size).toBe(8);
    expect(after.slice(0, 4).map((c) => [c.CommitmentKey, c.Ref, c.Committed])).toEqual(before.map((c) => [c.CommitmentKey, c.Ref, c.Committed]));
    expect(after.filter((c) => c.Contract === "Street lighting")).toHaveLength(4);
    expect(after.some((c) => c.CommitmentKey === "Total" || String(c.Committed).startsWith("="))).toBe(false);

    // The total row: the row right below the data, holding what the user put there.
    expect(table.totalRowAddress).toBeDefined();
    const totalRow = lastRowOf(table.totalRowAddress!);
    expect(totalRow).toBe(lastRowOf(table.dataBodyAddress) + 1);
    expect(host.inspect.value(`'PF Commitments'!A${totalRow}`)).toBe("Total");
    const sumCell = `'PF Commitments'!${committedLetter}${totalRow}`;
    expect(host.inspect.formulas(sumCell)).toEqual([["=SUBTOTAL(109,PF_Commitments[Committed])"]]);
    expect(host.inspect.value(sumCell)).toBe(after.reduce((n, c) => n + Number(c.Committed), 0));
    expect(host.inspect.format(sumCell).numberFormat).toBe("#,##0.0");
  }, 60_000);

  it("gathers again without growing, leaving the total row where it is", async () => {
    const { host, run } = await aPortfolioWithTotals(profile);
    await gather(run, [care, lighting]);
    const table = host.inspect.table(COMMITMENTS.name)!;
    await gather(run, [care, lighting]);
    expect(host.inspect.table(COMMITMENTS.name)).toEqual(table);
    expect(rowsOf(host)).toHaveLength(8);
  }, 60_000);
});

describe("a PF_ table with a Total Row and the user's cells below it", () => {
  it("grows when the blank rows below the total row leave room, the user's cells untouched", async () => {
    const { host, run } = await aPortfolioWithTotals();
    // Header in row 1, four rows, the total row in row 6: rows 7 to 10 are blank.
    await run(async (context) => {
      context.workbook.worksheets.getItem("PF Commitments").getRange("B11").values = [["my note"]];
      await context.sync();
    });
    await gather(run, [care, lighting]);
    expect(rowsOf(host)).toHaveLength(8);
    expect(lastRowOf(host.inspect.table(COMMITMENTS.name)!.totalRowAddress!)).toBe(10);
    expect(host.inspect.value("'PF Commitments'!B11")).toBe("my note");
  }, 60_000);

  it("refuses, writing nothing, when the user's cells below the total row leave no room, naming their row", async () => {
    const { host, run } = await aPortfolioWithTotals();
    await run(async (context) => {
      context.workbook.worksheets.getItem("PF Commitments").getRange("B9").values = [["my note"]];
      await context.sync();
    });
    const table = host.inspect.table(COMMITMENTS.name);
    const before = rowsOf(host);
    await expect(gather(run, [care, lighting])).rejects.toThrow(/"PF Commitments" has something in row 9 below PF_Commitments, and the gather needs 4 more rows/);
    expect(host.inspect.table(COMMITMENTS.name)).toEqual(table);
    expect(rowsOf(host)).toEqual(before);
    expect(host.inspect.value("'PF Commitments'!B9")).toBe("my note");
  }, 60_000);
});
