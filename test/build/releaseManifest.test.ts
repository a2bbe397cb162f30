/**
 * The release's manifest and hosting rules, without building (issue #18 points 1 and 2): the
 * council's address checked and written into every URL, the production id and name, and the
 * README's hosting table the very rules the release test's server applies. The build, the zip
 * and the served pane are test/e2e/release.e2e.ts.
 */
import { readFileSync } from "fs";
import { join } from "path";

const root = join(__dirname, "..", "..");
/* eslint-disable @typescript-eslint/no-require-imports -- the tools are CommonJS */
const rm = require(join(root, "tools", "releaseManifest.cjs")) as {
  DEV_ID: string;
  PRODUCTION_ID: string;
  parseOrigin: (text: unknown) => { base: string; domain: string } | Error;
  releaseManifest: (xml: string, o: { base: string; domain: string; version: string; id?: string; name?: string }) => string;
  releaseProblems: (xml: string) => string[];
};
const hosting = require(join(root, "tools", "hostingRules.cjs")) as {
  HOSTING_RULES: { files: string; type: string; cache: string; cors: boolean }[];
  EVERY_FILE: Record<string, string>;
  headersFor: (path: string) => Record<string, string> | undefined;
};
const { checkManifest } = require(join(root, "tools", "manifestCheck.cjs")) as { checkManifest: (xml: string) => Promise<{ valid: boolean; errors: string[] }> };
/* eslint-enable @typescript-eslint/no-require-imports */
const dev = readFileSync(join(root, "manifest.xml"), "utf8");

describe("the council's address", () => {
  it("is taken as the folder the files are served from, with or without its last slash", () => {
    expect(rm.parseOrigin("https://addins.example.gov.uk/social-value")).toEqual({ base: "https://addins.example.gov.uk/social-value/", domain: "https://addins.example.gov.uk" });
    expect(rm.parseOrigin(" https://sv.council.gov.uk/ ")).toEqual({ base: "https://sv.council.gov.uk/", domain: "https://sv.council.gov.uk" });
  });

  it.each([
    [undefined, /Give the address/],
    ["", /Give the address/],
    ["addins.example.gov.uk/sv/", /not a web address/],
    ["http://addins.example.gov.uk/sv/", /does not start with https/],
    ["https://localhost:3000/", /this machine's own address/],
    ["https://127.0.0.1/sv/", /this machine's own address/],
    ["https://[::1]/", /this machine's own address/],
    ["https://dev.localhost/", /this machine's own address/],
    ["https://user:secret@addins.example.gov.uk/", /user name or password/],
    ["https://addins.example.gov.uk/sv/?v=2", /query or a # part/],
  ])("refuses %p with a sentence", (text, says) => {
    const parsed = rm.parseOrigin(text);
    expect(parsed).toBeInstanceOf(Error);
    expect((parsed as Error).message).toMatch(says);
  });
});

describe("the release manifest", () => {
  const origin = rm.parseOrigin("https://addins.example.gov.uk/social-value/") as { base: string; domain: string };
  const release = rm.releaseManifest(dev, { ...origin, version: "1.4.2" });

  it("is schema-valid and passes the product's rules, with no local address left", async () => {
    await expect(checkManifest(release)).resolves.toEqual({ valid: true, errors: [] });
    expect(release).not.toMatch(/localhost/);
    expect(rm.releaseProblems(release)).toEqual([]);
  });

  it("has the production id, name and version, where the development manifest has its own", () => {
    expect(release).toContain(`<Id>${rm.PRODUCTION_ID}</Id>`);
    expect(dev).toContain(`<Id>${rm.DEV_ID}</Id>`);
    expect(release).toContain('<DisplayName DefaultValue="Social Value Evaluation"/>');
    expect(dev).toContain('<DisplayName DefaultValue="Social Value Evaluation (dev)"/>');
    expect(release).toContain("<Version>1.4.2.0</Version>");
  });

  it("moves every development URL to the address, and nothing else", () => {
    const devUrls = [...dev.matchAll(/DefaultValue="(https:\/\/localhost:3000\/[^"]*)"/g)].map((m) => m[1]!);
    const urls = [...release.matchAll(/DefaultValue="(https:\/\/[^"]*)"/g)].map((m) => m[1]!);
    expect(urls).toEqual(devUrls.map((u) => u.replace("https://localhost:3000/", origin.base)));
    // The same manifest otherwise: namespace, runtime, ribbon.
    const strip = (xml: string) => xml.replace(/<!--[\s\S]*?-->/g, "").replace(/https:\/\/[^"<]*/g, "URL").replace(/<(Id|Version|DisplayName)[^>]*>([^<]*<\/\1>)?/g, "");
    expect(strip(release)).toBe(strip(dev));
  });

  it("takes another id or name when given, and refuses an id that is not a GUID or is the development one", () => {
    const own = rm.releaseManifest(dev, { ...origin, version: "1.0.0", id: "0b7c5a8e-1111-4222-8333-944455556666", name: "Essex Social Value" });
    expect(own).toContain("<Id>0b7c5a8e-1111-4222-8333-944455556666</Id>");
    expect(own).toContain('<DisplayName DefaultValue="Essex Social Value"/>');
    expect(() => rm.releaseManifest(dev, { ...origin, version: "1.0.0", id: "essex" })).toThrow(/not an add-in id/);
    expect(() => rm.releaseManifest(dev, { ...origin, version: "1.0.0", id: rm.DEV_ID })).toThrow(/development manifest's/);
    expect(() => rm.releaseManifest(dev, { ...origin, version: "1.0" })).toThrow(/not three numbers/);
  });

  it("is refused by validation when a URL still names localhost or another server", async () => {
    const local = release.replace(`${origin.base}help.html`, "https://localhost:3000/help.html");
    const { valid, errors } = await checkManifest(local);
    expect(valid).toBe(false);
    expect(errors.join(" ")).toMatch(/must not point at this machine.*localhost:3000\/help\.html/);
    const elsewhere = release.replace(`${origin.base}functions.json`, "https://cdn.example.com/functions.json");
    expect(rm.releaseProblems(elsewhere)).toEqual([expect.stringContaining("https://cdn.example.com/functions.json")]);
    // The development manifest names localhost by design.
    expect(rm.releaseProblems(dev)).toEqual([]);
  });
});

describe("what a static host must send", () => {
  it("gives functions.json and functions.js the CORS header, and no other file", () => {
    expect(hosting.headersFor("functions.json")).toMatchObject({ "Access-Control-Allow-Origin": "*", "Content-Type": "application/json; charset=utf-8" });
    expect(hosting.headersFor("functions.js")).toMatchObject({ "Access-Control-Allow-Origin": "*" });
    for (const f of ["taskpane.html", "taskpane.js", "manifest.xml", "assets/icon-32.png", "170.182edb7d.js"]) {
      expect([f, hosting.headersFor(f)?.["Access-Control-Allow-Origin"]]).toEqual([f, undefined]);
    }
    expect(hosting.headersFor("SHA256SUMS")).toBeUndefined();
    expect(hosting.headersFor("../secret")).toBeUndefined();
  });

  it("is listed in the README's Deployment table exactly as the rules say", () => {
    const readme = readFileSync(join(root, "README.md"), "utf8");
    const table = /<!-- hosting:start -->\n([\s\S]*?)\n<!-- hosting:end -->/.exec(readme)?.[1];
    const expected = [
      "| files | Content-Type | Cache-Control | Access-Control-Allow-Origin |",
      "| --- | --- | --- | --- |",
      ...hosting.HOSTING_RULES.map((r) => `| ${r.files} | \`${r.type}\` | \`${r.cache}\` | ${r.cors ? "`*`" : "—"} |`),
      "",
      `Every file also: ${Object.entries(hosting.EVERY_FILE).map(([k, v]) => `\`${k}: ${v}\``).join(", ")}.`,
    ].join("\n");
    expect(table).toBe(expected);
  });
});
