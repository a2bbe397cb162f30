/**
 * Request and response payloads: the estimate the fake records for each sync, and Excel on the
 * web's 5 MB limit, which refuses a request before running any of it.
 */
import { ACTION_OVERHEAD_BYTES, PAYLOAD_LIMIT_BYTES, jsonBytes } from "./requestContext";
import { createFakeExcel, type FakeExcel } from "./index";

const excelRun = (fake: FakeExcel): typeof Excel.run => fake.run as unknown as typeof Excel.run;

/** `rows` rows of one text cell of `width` characters. */
const textColumn = (rows: number, width: number): string[][] => Array.from({ length: rows }, (_, i) => [String(i).padStart(width, "x")]);

describe("payload estimate", () => {
  it("is the JSON size of each command's arguments plus an envelope per command", async () => {
    const fake = createFakeExcel();
    const values = [["Ref", "Quantity"], ["ECC10", 12]];
    await excelRun(fake)(async (context) => {
      const sheet = context.workbook.worksheets.getItem("Sheet1");
      sheet.getRange("A1:B2").values = values;
      sheet.getRange("A1:B1").format.font.bold = true;
      await context.sync();
    });
    expect(fake.stats.requestBytes).toEqual([ACTION_OVERHEAD_BYTES + jsonBytes(values) + ACTION_OVERHEAD_BYTES + jsonBytes(true)]);
  });

  it("counts UTF-8 bytes, so £ and emoji weigh more than ASCII", () => {
    expect([jsonBytes("a"), jsonBytes("£"), jsonBytes("😀")]).toEqual([3, 4, 6]);
  });

  it("records the largest request of the session", async () => {
    const fake = createFakeExcel();
    await excelRun(fake)(async (context) => {
      const sheet = context.workbook.worksheets.getItem("Sheet1");
      sheet.getRange("A1:A100").values = textColumn(100, 50);
      await context.sync();
      sheet.getRange("B1").values = [[1]];
      await context.sync();
    });
    expect(fake.stats.maxRequestBytes).toBe(Math.max(...fake.stats.requestBytes));
    expect(fake.stats.maxRequestBytes).toBeGreaterThan(100 * 50);
  });

  it("counts what loads bring back as the response", async () => {
    const fake = createFakeExcel({ sheets: { Sheet1: textColumn(10, 20) } });
    await excelRun(fake)(async (context) => {
      context.workbook.worksheets.getItem("Sheet1").getRange("A1:A10").load("values");
      await context.sync();
    });
    expect(fake.stats.responseBytes[0]).toBeGreaterThanOrEqual(jsonBytes({ values: textColumn(10, 20) }));
  });
});

describe("payload limit", () => {
  it("accepts a request just under 5 MB (the limit of Excel on the web)", async () => {
    const fake = createFakeExcel();
    const rows = textColumn(48_000, 100); // about 5.04 million bytes
    await excelRun(fake)(async (context) => {
      context.workbook.worksheets.getItem("Sheet1").getRange("A1:A48000").values = rows;
      await context.sync();
    });
    expect(fake.stats.maxRequestBytes).toBeGreaterThan(5_000_000);
    expect(fake.stats.maxRequestBytes).toBeLessThanOrEqual(5 * 1024 * 1024);
    expect(fake.inspect.value("Sheet1!A48000")).toBe(rows[47_999]?.[0]);
  });

  it("refuses a request over 5 MB with RequestPayloadSizeLimitExceeded and applies none of it", async () => {
    const fake = createFakeExcel();
    const tooBig = excelRun(fake)(async (context) => {
      const sheet = context.workbook.worksheets.getItem("Sheet1");
      sheet.getRange("B1").values = [["queued first"]];
      sheet.getRange("A1:A60000").values = textColumn(60_000, 100); // about 6.2 MB
      await context.sync();
    });
    await expect(tooBig).rejects.toMatchObject({ code: "RequestPayloadSizeLimitExceeded" });
    expect(fake.inspect.values("Sheet1!A1:B1")).toEqual([["", ""]]);
    expect(fake.stats.maxRequestBytes).toBeGreaterThan(PAYLOAD_LIMIT_BYTES);
  });

  it("lets the same data through when it is written in chunks under the limit", async () => {
    const fake = createFakeExcel({ limits: { requestPayloadBytes: 20_000 } });
    const rows = textColumn(300, 100); // about 31 KB
    await excelRun(fake)(async (context) => {
      const sheet = context.workbook.worksheets.getItem("Sheet1");
      for (const start of [0, 150]) {
        sheet.getRange(`A${start + 1}:A${start + 150}`).values = rows.slice(start, start + 150);
        // eslint-disable-next-line office-addins/no-context-sync-in-loop -- one sync per chunk is the point of chunking
        await context.sync();
      }
    });
    expect(fake.inspect.value("Sheet1!A300")).toBe(rows[299]?.[0]);
    expect(fake.stats.maxRequestBytes).toBeLessThanOrEqual(20_000);
  });

  it("fails a sync whose loads bring back more than the limit with ResponsePayloadSizeLimitExceeded", async () => {
    const fake = createFakeExcel({ sheets: { Sheet1: textColumn(300, 100) }, limits: { responsePayloadBytes: 20_000 } });
    const tooMuch = excelRun(fake)(async (context) => {
      context.workbook.worksheets.getItem("Sheet1").getRange("A1:A300").load("values");
      await context.sync();
    });
    await expect(tooMuch).rejects.toMatchObject({ code: "ResponsePayloadSizeLimitExceeded" });
  });

  it("refuses to read more than five million cells at once with RangeExceedsLimit", async () => {
    const fake = createFakeExcel();
    const wholeSheet = excelRun(fake)(async (context) => {
      context.workbook.worksheets.getItem("Sheet1").getRange().load("values");
      await context.sync();
    });
    await expect(wholeSheet).rejects.toMatchObject({ code: "RangeExceedsLimit" });
  });
});
