/**
 * The request model, now Microsoft's: proxies, queued commands, load + sync, null objects, what
 * a failing command does to its batch, and the host's counters. These tests pin down how
 * Microsoft's client and the host behave together, so a change to either that alters what the
 * add-in sees shows up here first.
 */
import { createExcelHost, type ExcelHost } from "./index";

const excelRun = (fake: ExcelHost): typeof Excel.run => fake.run as unknown as typeof Excel.run;

describe("reading properties", () => {
  it("a property read before load and sync throws PropertyNotLoaded with Office.js's message", async () => {
    const run = excelRun(createExcelHost({ sheets: { Sheet1: [[1]] } }));
    const error = await run(async (context) => {
      const range = context.workbook.worksheets.getItem("Sheet1").getRange("A1");
      try {
        // eslint-disable-next-line office-addins/load-object-before-read, office-addins/call-sync-before-read -- the read without load is what is under test
        return range.values;
      } catch (e) {
        return e;
      }
    });
    expect(error).toMatchObject({
      code: "PropertyNotLoaded",
      message:
        "The property 'values' is not available. Before reading the property's value, call the load method on the containing object and call \"context.sync()\" on the associated request context.",
    });
  });

  it("a loaded property is readable only after the sync", async () => {
    const run = excelRun(createExcelHost({ sheets: { Sheet1: [[1, 2]] } }));
    const seen = await run(async (context) => {
      const range = context.workbook.worksheets.getItem("Sheet1").getRange("A1:B1");
      range.load("values");
      let beforeSync: unknown;
      try {
        // eslint-disable-next-line office-addins/call-sync-before-read, office-addins/call-sync-after-load -- reading between load and sync is what is under test
        beforeSync = range.values;
      } catch (e) {
        beforeSync = (e as { code: string }).code;
      }
      await context.sync();
      return { beforeSync, afterSync: range.values };
    });
    expect(seen).toEqual({ beforeSync: "PropertyNotLoaded", afterSync: [[1, 2]] });
  });

  it("a load is a snapshot taken at its place in the queue", async () => {
    const run = excelRun(createExcelHost({ sheets: { Sheet1: [["old"]] } }));
    const seen = await run(async (context) => {
      const sheet = context.workbook.worksheets.getItem("Sheet1");
      const before = sheet.getRange("A1").load("values");
      sheet.getRange("A1").values = [["new"]];
      const after = sheet.getRange("A1").load("values");
      await context.sync();
      sheet.getRange("A1").values = [["newer"]];
      await context.sync();
      return { before: before.values, after: after.values };
    });
    expect(seen).toEqual({ before: [["old"]], after: [["new"]] });
  });

  it("a property just written reads back the written value, not the computed one, until loaded", async () => {
    const run = excelRun(createExcelHost());
    const seen = await run(async (context) => {
      const range = context.workbook.worksheets.getItem("Sheet1").getRange("A1");
      range.values = [["=1+1"]];
      // eslint-disable-next-line office-addins/load-object-before-read, office-addins/call-sync-before-read -- Office.js keeps a written value on the proxy; that is under test
      const echoed = range.values;
      range.load("values");
      await context.sync();
      return { echoed, loaded: range.values };
    });
    expect(seen).toEqual({ echoed: [["=1+1"]], loaded: [[2]] });
  });

  it("load takes a list, an array, a select/expand object and an object of flags, and walks navigation paths", async () => {
    const run = excelRun(createExcelHost({ sheets: { Sheet1: [[5]] } }));
    const seen = await run(async (context) => {
      const sheet = context.workbook.worksheets.getItem("Sheet1");
      const a = sheet.getRange("A1").load("values, address");
      const b = sheet.getRange("A1").load(["rowCount", "columnCount"]);
      const c = sheet.getRange("A1").load({ select: "formulas", expand: "format/font" });
      const d = sheet.getRange("A1").load({ text: true, format: { fill: { color: true } } });
      await context.sync();
      return [a.values, a.address, b.rowCount, b.columnCount, c.formulas, c.format.font.bold, d.text, d.format.fill.color];
    });
    expect(seen).toEqual([[[5]], "Sheet1!A1", 1, 1, [[5]], false, [["5"]], "#FFFFFF"]);
  });

  it("loading a property the object does not have fails the sync with InvalidArgument", async () => {
    const run = excelRun(createExcelHost());
    const loadTypo = run(async (context) => {
      context.workbook.worksheets.getItem("Sheet1").getRange("A1").load("valuez");
      await context.sync();
    });
    await expect(loadTypo).rejects.toMatchObject({ code: "InvalidArgument" });
  });

  it("a collection's items are readable after load('items/name'), each with the loaded property", async () => {
    const run = excelRun(createExcelHost({ sheets: { "SV Setup": [], "SV Measures": [] } }));
    const names = await run(async (context) => {
      const sheets = context.workbook.worksheets.load("items/name");
      await context.sync();
      return sheets.items.map((s) => s.name);
    });
    expect(names).toEqual(["SV Setup", "SV Measures"]);
  });
});

describe("null objects", () => {
  it("getItemOrNullObject tells after the sync whether the item exists", async () => {
    const run = excelRun(createExcelHost({ sheets: { "SV Setup": [] } }));
    const seen = await run(async (context) => {
      const present = context.workbook.worksheets.getItemOrNullObject("SV Setup");
      const missing = context.workbook.worksheets.getItemOrNullObject("SV Scores");
      await context.sync();
      return { present: present.isNullObject, missing: missing.isNullObject };
    });
    expect(seen).toEqual({ present: false, missing: true });
  });

  it("isNullObject is not available before the sync", async () => {
    const run = excelRun(createExcelHost());
    const code = await run(async (context) => {
      const sheet = context.workbook.worksheets.getItemOrNullObject("Nope");
      try {
        // eslint-disable-next-line office-addins/call-sync-before-read -- reading before the sync is what is under test
        return sheet.isNullObject;
      } catch (e) {
        return (e as { code: string }).code;
      }
    });
    expect(code).toBe("PropertyNotLoaded");
  });

  it("getItem on a missing sheet fails the sync with ItemNotFound, located at WorksheetCollection.getItem", async () => {
    const run = excelRun(createExcelHost());
    const failing = run(async (context) => {
      context.workbook.worksheets.getItem("SV Scores").getRange("A1").values = [[1]];
      await context.sync();
    });
    await expect(failing).rejects.toMatchObject({
      name: "RichApi.Error",
      code: "ItemNotFound",
      message: expect.stringMatching(/^The requested resource doesn't exist\./),
      debugInfo: { errorLocation: "WorksheetCollection.getItem" },
    });
  });

  it("a getItem that nothing uses still fails the sync: Microsoft's client instantiates every object it makes", async () => {
    const run = excelRun(createExcelHost());
    await expect(
      run(async (context) => {
        context.workbook.worksheets.getItem("Never used");
        await context.sync();
      })
    ).rejects.toMatchObject({ code: "ItemNotFound" });
  });
});

describe("queued commands", () => {
  it("take effect only at the sync, in the order they were queued", async () => {
    const fake = createExcelHost();
    const run = excelRun(fake);
    await run(async (context) => {
      const cell = context.workbook.worksheets.getItem("Sheet1").getRange("A1");
      cell.values = [["first"]];
      cell.values = [["second"]];
      expect(fake.inspect.value("Sheet1!A1")).toBe("");
      await context.sync();
    });
    expect(fake.inspect.value("Sheet1!A1")).toBe("second");
  });

  it("a failing command rejects the sync; the commands before it stay applied and the ones after it are not run", async () => {
    const fake = createExcelHost();
    const run = excelRun(fake);
    const failing = run(async (context) => {
      const sheets = context.workbook.worksheets;
      sheets.getItem("Sheet1").getRange("A1").values = [["before"]];
      sheets.add("Sheet1"); // already exists
      sheets.getItem("Sheet1").getRange("A2").values = [["after"]];
      await context.sync();
    });
    await expect(failing).rejects.toMatchObject({ code: "ItemAlreadyExists", debugInfo: { errorLocation: "WorksheetCollection.add" } });
    expect(fake.inspect.values("Sheet1!A1:A2")).toEqual([["before"], [""]]);
  });

  it("loads in a failed request deliver nothing", async () => {
    const run = excelRun(createExcelHost({ sheets: { Sheet1: [[7]] } }));
    const code = await run(async (context) => {
      const range = context.workbook.worksheets.getItem("Sheet1").getRange("A1").load("values");
      context.workbook.worksheets.getItem("Missing").getRange("A1").load("values");
      await context.sync().catch(() => undefined);
      try {
        return range.values;
      } catch (e) {
        return (e as { code: string }).code;
      }
    });
    expect(code).toBe("PropertyNotLoaded");
  });

  it("Excel.run sends what is still queued when the batch returns", async () => {
    const fake = createExcelHost();
    await excelRun(fake)(async (context) => {
      context.workbook.worksheets.getItem("Sheet1").getRange("B2").values = [[42]];
    });
    expect(fake.inspect.value("Sheet1!B2")).toBe(42);
    // One request for the write; one more in which the client releases the range it kept.
    expect(fake.stats).toMatchObject({ syncCalls: 0, requests: 2 });
  });
});

describe("counters", () => {
  it("count every context.sync() call; each reaches Excel, even one with nothing queued", async () => {
    const fake = createExcelHost();
    await excelRun(fake)(async (context) => {
      await context.sync(); // nothing queued: Microsoft's client still sends a (small) request
      context.workbook.worksheets.getItem("Sheet1").getRange("A1").values = [[1]];
      await context.sync();
      context.workbook.worksheets.getItem("Sheet1").getRange("A2").values = [[2]];
      await context.sync();
    });
    // Three syncs, and Excel.run's closing request that releases the two kept ranges.
    expect(fake.stats).toMatchObject({ runs: 1, syncCalls: 3, requests: 4 });
    expect(fake.stats.requestBytes).toHaveLength(4);
    expect(fake.stats.requestBytes[0]).toBeLessThan(300);
  });

  it("resetStats starts the counters again", async () => {
    const fake = createExcelHost();
    await excelRun(fake)(async (context) => {
      context.workbook.worksheets.getItem("Sheet1").getRange("A1").values = [[1]];
      await context.sync();
    });
    fake.resetStats();
    expect(fake.stats).toMatchObject({ runs: 0, syncCalls: 0, requests: 0, requestBytes: [], maxRequestBytes: 0 });
  });

  it("a ClientResult's value is readable after its sync", async () => {
    const run = excelRun(createExcelHost({ sheets: { A: [], B: [], C: [] } }));
    const seen = await run(async (context) => {
      const count = context.workbook.worksheets.getCount();
      let before: unknown;
      try {
        // eslint-disable-next-line office-addins/call-sync-before-read -- reading before the sync is what is under test
        before = count.value;
      } catch (e) {
        before = (e as { code: string }).code;
      }
      await context.sync();
      // eslint-disable-next-line office-addins/load-object-before-read -- a ClientResult needs no load, only the sync (the rule does not know ClientResult)
      return { before, after: count.value };
    });
    expect(seen).toEqual({ before: "ValueNotLoaded", after: 3 });
  });
});

describe("as the Excel global", () => {
  it("installGlobals sends Excel.run without a context to this host, and the restore function sends it elsewhere again", async () => {
    const fake = createExcelHost({ sheets: { Here: [] } });
    const other = createExcelHost({ sheets: { There: [] } });
    const sheetNames = (): Promise<string[]> =>
      Excel.run(async (context) => {
        const sheets = context.workbook.worksheets.load("items/name");
        await context.sync();
        return sheets.items.map((s) => s.name);
      });
    const restoreOther = other.installGlobals();
    const restore = fake.installGlobals();
    let caught: unknown;
    try {
      expect(await sheetNames()).toEqual(["Here"]);
      await Excel.run(async (context) => {
        context.workbook.worksheets.getItem("Missing").load("name");
        await context.sync();
      });
    } catch (e) {
      caught = e;
    } finally {
      restore();
    }
    expect(await sheetNames()).toEqual(["There"]);
    restoreOther();
    expect(caught).toBeInstanceOf(fake.client.OfficeExtension.Error);
    expect(caught).toBeInstanceOf(Error);
    expect(fake.client.Excel.ErrorCodes.itemNotFound).toBe("ItemNotFound");
  });
});

describe("using a null object", () => {
  it("its properties read as undefined after the sync, and a command on it fails with ItemNotFound", async () => {
    const run = excelRun(createExcelHost());
    const name = await run(async (context) => {
      const sheet = context.workbook.worksheets.getItemOrNullObject("Missing").load("name");
      await context.sync();
      return sheet.name;
    });
    const write = run(async (context) => {
      const sheet = context.workbook.worksheets.getItemOrNullObject("Missing");
      await context.sync();
      sheet.getRange("A1").values = [[1]];
      await context.sync();
    });
    expect(name).toBeUndefined();
    await expect(write).rejects.toMatchObject({ code: "ItemNotFound" });
  });
});
