import { createExcelHost } from "./index";

const aWorkbook = () => createExcelHost({ sheets: { Report: [["a", 1]] } });

describe("Excel host page layout (ExcelApi 1.9)", () => {
  it("a new sheet prints portrait at 100% with no print area", async () => {
    const fake = aWorkbook();
    const seen = await fake.run(async (context: Excel.RequestContext) => {
      const page = context.workbook.worksheets.getItem("Report").pageLayout.load("orientation, zoom");
      const area = page.getPrintAreaOrNullObject();
      await context.sync();
      return { orientation: page.orientation, zoom: page.zoom, noArea: area.isNullObject };
    });
    expect(seen).toEqual({ orientation: "Portrait", zoom: { scale: 100 }, noArea: true });
  });

  it("sets landscape, fit to one page wide by one tall, and a print area, and reads them back", async () => {
    const fake = aWorkbook();
    const seen = await fake.run(async (context: Excel.RequestContext) => {
      const page = context.workbook.worksheets.getItem("Report").pageLayout;
      page.orientation = "Landscape";
      page.zoom = { horizontalFitToPages: 1, verticalFitToPages: 1 };
      page.setPrintArea("A1:U38");
      await context.sync();
      page.load("orientation, zoom");
      const area = page.getPrintArea().load("address");
      await context.sync();
      return { orientation: page.orientation, zoom: page.zoom, area: area.address };
    });
    expect(seen).toEqual({ orientation: "Landscape", zoom: { horizontalFitToPages: 1, verticalFitToPages: 1 }, area: "Report!A1:U38" });
    expect(fake.inspect.pageLayout("Report")).toEqual({ orientation: "Landscape", scale: null, fitToPages: { wide: 1, tall: 1 }, printArea: "A1:U38" });
  });

  it("a scale replaces fit to pages, as the Page Setup dialog's choice does", async () => {
    const fake = aWorkbook();
    await fake.run(async (context: Excel.RequestContext) => {
      const page = context.workbook.worksheets.getItem("Report").pageLayout;
      page.zoom = { horizontalFitToPages: 1, verticalFitToPages: 1 };
      page.zoom = { scale: 75 };
      await context.sync();
    });
    expect(fake.inspect.pageLayout("Report")).toMatchObject({ scale: 75, fitToPages: null });
  });

  it("refuses a scale outside 10–400, an orientation Excel does not have, and a print area on another sheet", async () => {
    const fake = createExcelHost({ sheets: { Report: [], Other: [] } });
    const attempt = (set: (page: Excel.PageLayout) => void) =>
      fake.run(async (context: Excel.RequestContext) => {
        set(context.workbook.worksheets.getItem("Report").pageLayout);
        await context.sync();
      });
    await expect(attempt((p) => (p.zoom = { scale: 5 }))).rejects.toMatchObject({ code: "InvalidArgument" });
    await expect(attempt((p) => (p.orientation = "Sideways" as Excel.PageOrientation))).rejects.toMatchObject({ code: "InvalidArgument" });
    await expect(attempt((p) => p.setPrintArea("Other!A1:B2"))).rejects.toMatchObject({ code: "InvalidArgument" });
    expect(fake.inspect.pageLayout("Report")).toEqual({ orientation: "Portrait", scale: 100, fitToPages: null, printArea: "" });
  });

  it("getPrintArea with none set fails with ItemNotFound", async () => {
    const fake = aWorkbook();
    const attempt = fake.run(async (context: Excel.RequestContext) => {
      const area = context.workbook.worksheets.getItem("Report").pageLayout.getPrintArea().load("address");
      await context.sync();
      return area.address;
    });
    await expect(attempt).rejects.toMatchObject({ code: "ItemNotFound" });
  });

  it("under min-api below ExcelApi 1.9 it is refused with ApiNotFound, as in an Excel without the set", async () => {
    const fake = createExcelHost({ sheets: { Report: [] }, profile: "min-api", requirementSets: { ExcelApi: "1.8" } });
    const attempt = fake.run(async (context: Excel.RequestContext) => {
      context.workbook.worksheets.getItem("Report").pageLayout.orientation = "Landscape";
      await context.sync();
    });
    await expect(attempt).rejects.toMatchObject({ code: "ApiNotFound" });
    expect(fake.inspect.pageLayout("Report").orientation).toBe("Portrait");
  });
});
