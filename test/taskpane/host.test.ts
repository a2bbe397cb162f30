/** @jest-environment jsdom */
import { detectHost, type OfficeHostApi, type OfficeThemeInfo } from "../../src/taskpane/host";
import { officeHostInfo } from "../../src/taskpane/selfTest/officeHostInfo";

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
    await expect(detectHost(aFakeOffice("Excel", officeTheme))).resolves.toEqual({ kind: "excel", officeTheme, office: expect.any(Object) });
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
    await expect(detectHost(current)).resolves.toEqual({ kind: "excel", officeTheme: undefined, office: expect.any(Object) });
  });

  it("reports Excel without a theme when the host gives none", async () => {
    await expect(detectHost(aFakeOffice("Excel"))).resolves.toEqual({ kind: "excel", officeTheme: undefined, office: expect.any(Object) });
  });
});

describe("officeHostInfo: what the self-test is told about this Excel", () => {
  it("passes on Office's requirement check, its diagnostics as text, the language and the shared runtime's read", async () => {
    const isSetSupported = jest.fn((name: string, version?: string) => name === "ExcelApi" && version === "1.13");
    const addin = {
      startup: "load",
      // Office's method reads its own object: the info must call it as a method.
      getStartupBehavior(this: { startup: string }) {
        return Promise.resolve(this.startup);
      },
    };
    const office: OfficeHostApi = {
      ...aFakeOffice("Excel"),
      context: { requirements: { isSetSupported }, diagnostics: { host: "Excel", platform: "PC", version: "16.0.17928.20114" }, displayLanguage: "en-GB" },
      addin,
    };
    const info = officeHostInfo(office);
    expect(info.isSetSupported?.("ExcelApi", "1.13")).toBe(true);
    expect(info.diagnostics).toEqual({ host: "Excel", platform: "PC", version: "16.0.17928.20114" });
    expect(info.displayLanguage).toBe("en-GB");
    await expect(info.getStartupBehavior?.()).resolves.toBe("load");
  });

  it("gives nothing to ask where Office has no requirements, diagnostics or shared runtime", () => {
    const info = officeHostInfo(aFakeOffice("Excel"));
    expect(info).toEqual({ isSetSupported: undefined, diagnostics: undefined, displayLanguage: undefined, getStartupBehavior: undefined });
  });
});
