/**
 * The request budget's figures are measured, not guessed (issue #13): what Microsoft's Excel
 * client actually serializes for each kind of command, at the scale the add-in queues them, must
 * not exceed what requestBudget.ts counts (or a request the budget thinks fits would pass Excel
 * on the web's 5 MB limit), nor be wildly below it (or operations would split for nothing).
 */
import { COMMAND_BYTES, jsonBytes, MAX_REQUEST_BYTES, packParts, RequestBudget, RESPONSE_BYTES_PER_COMMAND, writeBytes } from "../../../src/excel/shared/requestBudget";
import { createExcelHost, type ExcelHost } from "../../excelHost";

const excelRun = (host: ExcelHost): typeof Excel.run => host.run as unknown as typeof Excel.run;
const ROWS = 3000;

/** Request and response bytes of one request queuing `n` commands, on a sheet of ROWS rows. */
async function measure(n: number, queue: (sheet: Excel.Worksheet, i: number) => void): Promise<{ request: number; response: number }> {
  const host = createExcelHost();
  await excelRun(host)(async (context) => {
    const sheet = context.workbook.worksheets.getItem("Sheet1");
    sheet.getRange(`A1:D${ROWS}`).values = Array.from({ length: ROWS }, (_, i) => [`Evaluator ${i}`, "Acme Ltd", "Q1", i % 6]);
    await context.sync();
    host.resetStats();
    for (let i = 0; i < n; i++) queue(sheet, i);
    await context.sync();
  });
  return { request: host.stats.requestBytes[0] as number, response: host.stats.responseBytes[0] as number };
}

/** Bytes of one more command, beyond its data, at the scale of a large operation (1,000 → 2,000 commands). */
async function perCommand(queue: (sheet: Excel.Worksheet, i: number) => void): Promise<{ request: number; response: number }> {
  const small = await measure(1000, queue);
  const large = await measure(2000, queue);
  return { request: (large.request - small.request) / 1000, response: (large.response - small.response) / 1000 };
}

describe("the bytes a command costs, measured on Microsoft's client", () => {
  it("a range write: the budget's figure covers it, with no more than double to spare", async () => {
    const cost = await perCommand((sheet, i) => void (sheet.getRangeByIndexes(i, 5, 1, 1).values = [[""]]));
    const data = jsonBytes([[""]]);
    expect(cost.request - data).toBeLessThanOrEqual(COMMAND_BYTES.write);
    expect(COMMAND_BYTES.write).toBeLessThan(2 * (cost.request - data));
    expect(cost.response).toBeLessThanOrEqual(RESPONSE_BYTES_PER_COMMAND);
  });

  it("a per-cell write by getCell(r, c) fits the same figure", async () => {
    const cost = await perCommand((sheet, i) => void (sheet.getCell(i, 5).values = [[""]]));
    expect(cost.request - jsonBytes([[""]])).toBeLessThanOrEqual(COMMAND_BYTES.write);
  });

  it("a range read (values loaded)", async () => {
    const cost = await perCommand((sheet, i) => void sheet.getRangeByIndexes(i, 0, 1, 4).load("values"));
    expect(cost.request).toBeLessThanOrEqual(COMMAND_BYTES.read);
    expect(COMMAND_BYTES.read).toBeLessThan(2 * cost.request);
  });

  it("a fill colour", async () => {
    const cost = await perCommand((sheet, i) => void (sheet.getRange(`F${i + 1}`).format.fill.color = "#FDE7E9"));
    expect(cost.request).toBeLessThanOrEqual(COMMAND_BYTES.fill);
    expect(COMMAND_BYTES.fill).toBeLessThan(2 * cost.request);
    expect(cost.response).toBeLessThanOrEqual(RESPONSE_BYTES_PER_COMMAND);
  });

  it("a guard (Range.find over a row's key cells, with its trace)", async () => {
    const cost = await perCommand((sheet, i) => {
      sheet.context.trace(`guard ${i}`);
      sheet.getRangeByIndexes(i, 0, 1, 3).find("Acme Ltd", { completeMatch: true, matchCase: false });
    });
    expect(cost.request).toBeLessThanOrEqual(COMMAND_BYTES.find);
    expect(COMMAND_BYTES.find).toBeLessThan(2 * cost.request);
  });

  it("counts data in UTF-8, as the client sends it", () => {
    expect(jsonBytes("£")).toBe(jsonBytes("a") + 1);
    expect(jsonBytes("—")).toBe(jsonBytes("a") + 2);
    expect(writeBytes([["a"]])).toBe(COMMAND_BYTES.write + jsonBytes([["a"]]));
  });
});

describe("RequestBudget", () => {
  it("sends 16 MB of writes in requests each under Excel on the web's 5 MB limit", async () => {
    const host = createExcelHost();
    const text = "x".repeat(800);
    const rows = 20_000;
    const syncs = await excelRun(host)(async (context) => {
      const sheet = context.workbook.worksheets.getItem("Sheet1");
      const budget = new RequestBudget(context);
      for (let i = 0; i < rows; i++) {
        const values = [[text]];
        await budget.room(writeBytes(values));
        sheet.getRangeByIndexes(i, 0, 1, 1).values = values;
      }
      await budget.finish();
      return budget.syncs;
    });
    expect(syncs).toBeGreaterThanOrEqual(4);
    expect(host.stats.maxRequestBytes).toBeLessThanOrEqual(MAX_REQUEST_BYTES);
    expect(host.inspect.values(`Sheet1!A${rows}`)).toEqual([[text]]);
  });

  it("delivers what a request loaded once that request has come back", async () => {
    const host = createExcelHost({ sheets: { Sheet1: [["a"], ["b"], ["c"]] } });
    const seen = await excelRun(host)(async (context) => {
      const budget = new RequestBudget(context, { maxBytes: COMMAND_BYTES.read + 1 });
      const out: unknown[] = [];
      for (let i = 0; i < 3; i++) {
        await budget.room(COMMAND_BYTES.read, 100);
        const cell = context.workbook.worksheets.getItem("Sheet1").getCell(i, 0).load("values");
        budget.onSync(() => out.push(cell.values[0]?.[0]));
      }
      await budget.finish();
      return { out, syncs: budget.syncs };
    });
    expect(seen).toEqual({ out: ["a", "b", "c"], syncs: 3 });
  });

  it("stops a cancelled read before its next request", async () => {
    const host = createExcelHost();
    const controller = new AbortController();
    await expect(
      excelRun(host)(async (context) => {
        const budget = new RequestBudget(context, { signal: controller.signal, maxBytes: COMMAND_BYTES.read + 1 });
        await budget.room(COMMAND_BYTES.read);
        context.workbook.worksheets.getItem("Sheet1").getCell(0, 0).load("values");
        controller.abort();
        await budget.room(COMMAND_BYTES.read);
      })
    ).rejects.toThrow(/cancel/i);
  });
});

describe("packParts", () => {
  it("packs consecutive items under the budget, an oversized one alone", () => {
    expect(packParts(5, (i) => [3, 3, 3, 10, 1][i] as number, 6)).toEqual([
      [0, 2],
      [2, 3],
      [3, 4],
      [4, 5],
    ]);
    expect(packParts(0, () => 1, 6)).toEqual([[0, 0]]);
  });
});

describe("RequestBudget block reads, when text is longer than estimated", () => {
  it("reads again in halves when Excel refuses a response as too large, and delivers every row once", async () => {
    // A 200 KB response limit and 60 cells of 10,000 characters: one read of them all is 600 KB.
    const host = createExcelHost({ limits: { responsePayloadBytes: 200_000 } });
    const long = (i: number): string => `Answer ${i} `.padEnd(10_000, "x");
    const got: string[] = [];
    await excelRun(host)(async (context) => {
      const sheet = context.workbook.worksheets.getItem("Sheet1");
      sheet.getRange("A1:A60").values = Array.from({ length: 60 }, (_, i) => [long(i)]);
      await context.sync();
      const budget = new RequestBudget(context);
      // Estimated at 400 bytes a cell, as for ordinary text: far too little.
      await budget.read({ rows: 60, load: (offset, rows) => sheet.getRangeByIndexes(offset, 0, rows, 1).load("values"), deliver: (offset, values) => values.forEach((r, i) => (got[offset + i] = String(r[0]))) }, 60 * 400);
      await budget.finish();
    });
    expect(got).toEqual(Array.from({ length: 60 }, (_, i) => long(i)));
    // The refused response (600 KB), then halves of halves until each fits.
    expect(host.stats.responseBytes.filter((b) => b > 200_000)).toHaveLength(3);
  });

  it("still fails when a single row alone is over the limit (nothing smaller to read)", async () => {
    const host = createExcelHost({ limits: { responsePayloadBytes: 5_000 } });
    await expect(
      excelRun(host)(async (context) => {
        const sheet = context.workbook.worksheets.getItem("Sheet1");
        sheet.getRange("A1:A2").values = [["x".repeat(10_000)], ["y"]];
        await context.sync();
        const budget = new RequestBudget(context);
        await budget.read({ rows: 2, load: (offset, rows) => sheet.getRangeByIndexes(offset, 0, rows, 1).load("values"), deliver: () => undefined }, 100);
        await budget.finish();
      })
    ).rejects.toMatchObject({ code: "ResponsePayloadSizeLimitExceeded" });
  });
});
