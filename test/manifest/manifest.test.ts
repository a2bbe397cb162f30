import { readFileSync } from "fs";
import { join } from "path";

// The checker is a plain CommonJS tool so `npm run validate` runs without a build step.
// eslint-disable-next-line @typescript-eslint/no-require-imports -- CommonJS dev tool shared with the CLI
const { checkManifest } = require("../../tools/manifestCheck.cjs") as {
  checkManifest: (xml: string) => Promise<{ valid: boolean; errors: string[] }>;
};

const root = join(__dirname, "..", "..");
const manifest = readFileSync(join(root, "manifest.xml"), "utf8");

function moveRuntimesAfterAllFormFactors(xml: string): string {
  const runtimes = xml.match(/\s*<Runtimes>[\s\S]*?<\/Runtimes>/)?.[0];
  if (!runtimes) throw new Error("test fixture: manifest has no <Runtimes>");
  return xml.replace(runtimes, "").replace("</AllFormFactors>", `</AllFormFactors>${runtimes}`);
}

describe("manifest.xml", () => {
  it("passes the Office add-in schemas and the product's rules", async () => {
    const result = await checkManifest(manifest);
    expect(result.errors).toEqual([]);
    expect(result.valid).toBe(true);
  });

  it("is rejected when <Runtimes> comes after <AllFormFactors> (wrong element order)", async () => {
    const result = await checkManifest(moveRuntimesAfterAllFormFactors(manifest));
    expect(result.valid).toBe(false);
    expect(result.errors.join("\n")).toMatch(/Runtimes/);
  });

  it("is rejected with a runtime lifetime other than short or long", async () => {
    const result = await checkManifest(manifest.replace('lifetime="long"', 'lifetime="forever"'));
    expect(result.valid).toBe(false);
    expect(result.errors.join("\n")).toMatch(/forever/);
  });

  it("is rejected with a short-lived runtime, which would not be shared", async () => {
    const result = await checkManifest(manifest.replace('lifetime="long"', 'lifetime="short"'));
    expect(result.valid).toBe(false);
    expect(result.errors.join("\n")).toMatch(/lifetime="long"/);
  });

  it("is rejected when any URL uses plain http", async () => {
    const result = await checkManifest(manifest.replace("https://localhost:3000/functions.json", "http://localhost:3000/functions.json"));
    expect(result.valid).toBe(false);
    expect(result.errors.join("\n")).toMatch(/http:\/\/localhost:3000\/functions\.json/);
  });

  it("is rejected when the functions namespace is not TENDER", async () => {
    const result = await checkManifest(manifest.replace('DefaultValue="TENDER"', 'DefaultValue="SV"'));
    expect(result.valid).toBe(false);
    expect(result.errors.join("\n")).toMatch(/TENDER/);
  });

  it("opens the pane with a ShowTaskpane action at the shared runtime's page, not with showAsTaskpane", () => {
    const action = /<Action xsi:type="([^"]+)">([\s\S]*?)<\/Action>/.exec(manifest);
    expect(action?.[1]).toBe("ShowTaskpane");
    expect(action?.[2]).toMatch(/<TaskpaneId>SV\.EvaluationPane<\/TaskpaneId>/);
    expect(action?.[2]).toMatch(/<SourceLocation resid="Taskpane\.Url"\s*\/>/);
    expect(manifest).toMatch(/<Runtime resid="Taskpane\.Url" lifetime="long"\/>/);
  });

  it("is rejected when the button runs a function (ExecuteFunction) instead of showing the pane", async () => {
    const xml = manifest.replace(/<Action xsi:type="ShowTaskpane">[\s\S]*?<\/Action>/, '<Action xsi:type="ExecuteFunction"><FunctionName>showEvaluationPane</FunctionName></Action>');
    const result = await checkManifest(xml);
    expect(result.valid).toBe(false);
    expect(result.errors.join("\n")).toMatch(/ExecuteFunction; it must be ShowTaskpane/);
  });

  it("is rejected when the button would open another page than the shared runtime's, or names no pane", async () => {
    const otherPage = await checkManifest(manifest.replace('<SourceLocation resid="Taskpane.Url"/>\n                  </Action>', '<SourceLocation resid="GetStarted.LearnMoreUrl"/>\n                  </Action>'));
    expect(otherPage.errors.join("\n")).toMatch(/opens GetStarted\.LearnMoreUrl, not the shared runtime's page \(Taskpane\.Url\)/);
    const noId = await checkManifest(manifest.replace("<TaskpaneId>SV.EvaluationPane</TaskpaneId>", ""));
    expect(noId.valid).toBe(false);
    expect(noId.errors.join("\n")).toMatch(/TaskpaneId/);
  });

  it("lists every problem, not only the first", async () => {
    const broken = manifest.replace('lifetime="long"', 'lifetime="forever"').replace("<Permissions>ReadWriteDocument", "<Permissions>ReadDocument");
    const result = await checkManifest(broken);
    expect(result.errors.length).toBeGreaterThanOrEqual(2);
    expect(result.errors.join("\n")).toMatch(/ReadWriteDocument/);
  });

  it.each([16, 32, 64, 80])("ships a %i px icon of that size", (size) => {
    const png = readFileSync(join(root, "assets", `icon-${size}.png`));
    expect(png.subarray(1, 4).toString("ascii")).toBe("PNG");
    // IHDR width and height are the big-endian words at bytes 16 and 20.
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([size, size]);
  });

  it("points every icon and page it names at files the build serves", () => {
    const urls = [...manifest.matchAll(/https:\/\/localhost:3000\/([^"]+)"/g)].map((m) => m[1]);
    const served = new Set(["taskpane.html", "functions.js", "functions.json", "help.html", ...[16, 32, 64, 80].map((s) => `assets/icon-${s}.png`)]);
    expect(urls.filter((u) => !served.has(u as string))).toEqual([]);
  });
});
