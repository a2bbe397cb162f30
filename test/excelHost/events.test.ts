/**
 * Worksheet events through Microsoft's client: a handler added with `worksheets.onAdded.add`
 * hears each sheet added after it registered, whoever added it, and nothing once removed.
 */
import { createExcelHost, type ExcelHost } from "./index";

const excelRun = (host: ExcelHost): typeof Excel.run => host.run as unknown as typeof Excel.run;

/** Events arrive after the response, as a separate message: let it through. */
const delivered = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 5));

interface Heard {
  type: string;
  source: string;
  worksheetId: string;
}

async function listen(host: ExcelHost, heard: Heard[]) {
  return excelRun(host)(async (context) => {
    const record = async (event: Excel.WorksheetAddedEventArgs | Excel.WorksheetDeletedEventArgs): Promise<void> => {
      heard.push({ type: event.type, source: event.source, worksheetId: event.worksheetId });
    };
    const added = context.workbook.worksheets.onAdded.add(record);
    const deleted = context.workbook.worksheets.onDeleted.add(record);
    await context.sync();
    return { added, deleted };
  });
}

async function stopListening(handlers: { added: OfficeExtension.EventHandlerResult<unknown>; deleted: OfficeExtension.EventHandlerResult<unknown> }): Promise<void> {
  handlers.added.remove();
  handlers.deleted.remove();
  await handlers.added.context.sync();
}

describe("worksheet events", () => {
  it("a handler hears the sheets the add-in adds and deletes, as Local, after the request", async () => {
    const host = createExcelHost();
    const heard: Heard[] = [];
    const handlers = await listen(host, heard);
    const id = await excelRun(host)(async (context) => {
      const sheet = context.workbook.worksheets.add("SV Setup").load("id");
      await context.sync();
      // Not yet: Excel sends an event after answering the request that caused it.
      expect(heard).toEqual([]);
      return sheet.id;
    });
    await delivered();
    await excelRun(host)(async (context) => {
      context.workbook.worksheets.getItem("SV Setup").delete();
      await context.sync();
    });
    await delivered();
    expect(heard).toEqual([
      { type: "WorksheetAdded", source: "Local", worksheetId: id },
      { type: "WorksheetDeleted", source: "Local", worksheetId: id },
    ]);
    await stopListening(handlers);
  });

  it("a co-author's sheet, added while the add-in sends nothing, arrives as Remote", async () => {
    const host = createExcelHost();
    const heard: Heard[] = [];
    const handlers = await listen(host, heard);
    host.coauthor.now((co) => co.addSheet("SV Measures"));
    await delivered();
    expect(heard.map((h) => [h.type, h.source])).toEqual([["WorksheetAdded", "Remote"]]);
    await stopListening(handlers);
  });

  it("sends nothing to a handler that was removed, and nothing for sheets added before anyone listened", async () => {
    const host = createExcelHost();
    host.coauthor.now((co) => co.addSheet("Before"));
    const heard: Heard[] = [];
    const handlers = await listen(host, heard);
    await stopListening(handlers);
    host.coauthor.now((co) => co.addSheet("After"));
    await excelRun(host)(async (context) => {
      context.workbook.worksheets.add("Also after");
      await context.sync();
    });
    await delivered();
    expect(heard).toEqual([]);
  });
});
