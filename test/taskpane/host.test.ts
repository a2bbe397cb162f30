/** @jest-environment jsdom */
import { detectHost, type OfficeHostApi, type OfficeThemeInfo } from "../../src/taskpane/host";

/** office.js's HostType values are strings at run time, whatever @types/office-js says. */
function aFakeOffice(host: string | null, officeTheme?: OfficeThemeInfo): OfficeHostApi {
  return {
    onReady: () => Promise.resolve({ host }),
    HostType: { Excel: "Excel" },
    context: host === null ? undefined : { officeTheme },
  };
}

describe("detectHost", () => {
  it("reports no Office when office.js did not load", async () => {
    await expect(detectHost(undefined)).resolves.toEqual({ kind: "no-office" });
  });

  it("reports a plain browser when Office is ready with no host", async () => {
    await expect(detectHost(aFakeOffice(null))).resolves.toEqual({ kind: "not-excel", host: null });
  });

  it("names another Office host", async () => {
    await expect(detectHost(aFakeOffice("Word"))).resolves.toEqual({ kind: "not-excel", host: "Word" });
  });

  it("reports Excel with its Office theme", async () => {
    const officeTheme = { bodyBackgroundColor: "#262626", isDarkTheme: true };
    await expect(detectHost(aFakeOffice("Excel", officeTheme))).resolves.toEqual({ kind: "excel", officeTheme });
  });

  it("reports an Excel without a requirement set the add-in calls, naming what it lacks", async () => {
    const office = aFakeOffice("Excel");
    const supported = new Set(["SharedRuntime 1.1"]);
    const old: OfficeHostApi = { ...office, context: { requirements: { isSetSupported: (name, version) => supported.has(`${name} ${version ?? ""}`) } } };
    await expect(detectHost(old)).resolves.toEqual({ kind: "old-excel", missing: ["ExcelApi 1.13"] });
  });

  it("reports Excel when it has every set the add-in calls", async () => {
    const office = aFakeOffice("Excel");
    const current: OfficeHostApi = { ...office, context: { requirements: { isSetSupported: () => true } } };
    await expect(detectHost(current)).resolves.toEqual({ kind: "excel", officeTheme: undefined });
  });

  it("reports Excel without a theme when the host gives none", async () => {
    await expect(detectHost(aFakeOffice("Excel"))).resolves.toEqual({ kind: "excel", officeTheme: undefined });
  });
});
