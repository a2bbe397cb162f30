/**
 * Request and response payloads, measured on what Microsoft's client actually sends (the JSON of
 * each request, in UTF-8 bytes) and what the host answers, and Excel on the web's 5 MB limit,
 * which refuses a request before running any of it.
 */
import { PAYLOAD_LIMIT_BYTES, createExcelHost, type ExcelHost } from "./index";
import { utf8Bytes } from "./stats";

const excelRun = (fake: ExcelHost): typeof Excel.run => fake.run as unknown as typeof Excel.run;

/** `rows` rows of one text cell of `width` characters. */
const textColumn = (rows: number, width: number): string[][] => Array.from({ length: rows }, (_, i) => [String(i).padStart(width, "x")]);

/** Bytes of the first request made by `write` queuing `n` per-cell commands. */
async function bytesFor(n: number, write: (sheet: Excel.Worksheet, i: number) => void): Promise<number> {
  const fake = createExcelHost();
  await excelRun(fake)(async (context) => {
    const sheet = context.workbook.worksheets.getItem("Sheet1");
    for (let i = 0; i < n; i++) write(sheet, i);
    await context.sync();
  });
  return fake.stats.requestBytes[0] as number;
}

describe("request size on Microsoft's serializer", () => {
  // What one more command costs: the difference between 200 and 100 of them, per command.
  const perCommand = async (write: (sheet: Excel.Worksheet, i: number) => void): Promise<number> => ((await bytesFor(200, write)) - (await bytesFor(100, write))) / 100;

  // Each command spells out its object paths, whose ids grow as a request grows: a few hundred
  // commands cost more each than the first few.
  it("costs 300 to 450 bytes for a getCell(r, c).values write, not the 80 a value's JSON suggests", async () => {
    const bytes = await perCommand((sheet, i) => void (sheet.getCell(i, 0).values = [[i]]));
    expect(bytes).toBeGreaterThan(250);
    expect(bytes).toBeLessThan(500);
  });

  it("costs 560 to 750 bytes for a getRange(address).format.fill.color write", async () => {
    const bytes = await perCommand((sheet, i) => void (sheet.getRange(`A${i + 1}`).format.fill.color = "#FDE7E9"));
    expect(bytes).toBeGreaterThan(450);
    expect(bytes).toBeLessThan(850);
  });

  it("counts UTF-8 bytes, so £ and emoji weigh more than ASCII", async () => {
    const ascii = await bytesFor(1, (sheet) => void (sheet.getRange("A1").values = [["aaaa"]]));
    const pounds = await bytesFor(1, (sheet) => void (sheet.getRange("A1").values = [["££££"]]));
    expect(pounds - ascii).toBe(4);
    expect([utf8Bytes("a"), utf8Bytes("£"), utf8Bytes("😀")]).toEqual([1, 2, 4]);
  });

  it("records the largest request of the session", async () => {
    const fake = createExcelHost();
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
    const fake = createExcelHost({ sheets: { Sheet1: textColumn(10, 20) } });
    await excelRun(fake)(async (context) => {
      context.workbook.worksheets.getItem("Sheet1").getRange("A1:A10").load("values");
      await context.sync();
    });
    expect(fake.stats.responseBytes[0]).toBeGreaterThanOrEqual(utf8Bytes(JSON.stringify({ Values: textColumn(10, 20) })));
  });
});

describe("payload limit", () => {
  it("accepts a request just under 5 MB (the limit of Excel on the web)", async () => {
    const fake = createExcelHost();
    const rows = textColumn(48_000, 100); // about 5.04 million bytes, written in blocks of 1,500 rows by the client
    await excelRun(fake)(async (context) => {
      context.workbook.worksheets.getItem("Sheet1").getRange("A1:A48000").values = rows;
      await context.sync();
    });
    expect(fake.stats.maxRequestBytes).toBeGreaterThan(5_000_000);
    expect(fake.stats.maxRequestBytes).toBeLessThanOrEqual(5 * 1024 * 1024);
    expect(fake.inspect.value("Sheet1!A48000")).toBe(rows[47_999]?.[0]);
  });

  it("refuses a request over 5 MB with RequestPayloadSizeLimitExceeded and applies none of it", async () => {
    const fake = createExcelHost();
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
    const fake = createExcelHost({ limits: { requestPayloadBytes: 20_000 } });
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
    const fake = createExcelHost({ sheets: { Sheet1: textColumn(300, 100) }, limits: { responsePayloadBytes: 20_000 } });
    const tooMuch = excelRun(fake)(async (context) => {
      context.workbook.worksheets.getItem("Sheet1").getRange("A1:A300").load("values");
      await context.sync();
    });
    await expect(tooMuch).rejects.toMatchObject({ code: "ResponsePayloadSizeLimitExceeded" });
  });

  it("refuses to read more than five million cells at once with RangeExceedsLimit", async () => {
    const fake = createExcelHost();
    const wholeSheet = excelRun(fake)(async (context) => {
      context.workbook.worksheets.getItem("Sheet1").getRange().load("values");
      await context.sync();
    });
    await expect(wholeSheet).rejects.toMatchObject({ code: "RangeExceedsLimit" });
  });
});
