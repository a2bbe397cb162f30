/**
 * A release for a council's own address (issue #18 points 1 and 2): `npm run release` with a
 * sample origin, its manifest and zip checked, then its files served over HTTPS by a plain static
 * server that sends exactly the headers the README's Deployment table lists
 * (tools/hostingRules.cjs), not the webpack dev server, and the pane loaded from it in Chromium.
 * The certificate is made for the test (127.0.0.1 and localhost), and the browser and the header
 * checks trust it alone. Screenshots go to test-results/e2e/release/.
 */
import { spawnSync } from "child_process";
import { createHash } from "crypto";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "fs";
import type { IncomingHttpHeaders } from "http";
import { createServer, get, type Server } from "https";
import { tmpdir } from "os";
import { dirname, join } from "path";
import JSZip from "jszip";
import type { Browser, Page } from "playwright-core";
import { launchBrowser, screenshotDir, watchErrors } from "./harness";

const root = join(__dirname, "..", "..");
const ORIGIN = "https://addins.example.gov.uk/social-value/";
/* eslint-disable @typescript-eslint/no-require-imports -- the tools are CommonJS */
const { checkManifest } = require(join(root, "tools", "manifestCheck.cjs")) as { checkManifest: (xml: string) => Promise<{ valid: boolean; errors: string[] }> };
const { PRODUCTION_ID, DEV_ID } = require(join(root, "tools", "releaseManifest.cjs")) as { PRODUCTION_ID: string; DEV_ID: string };
const { headersFor } = require(join(root, "tools", "hostingRules.cjs")) as { headersFor: (path: string) => Record<string, string> | undefined };
/* eslint-enable @typescript-eslint/no-require-imports */
const version = (JSON.parse(readFileSync(join(root, "package.json"), "utf8")) as { version: string }).version;

const work = mkdtempSync(join(tmpdir(), "sv-release-"));
const out = join(work, "out");
const shots = screenshotDir("release");
let release: { status: number | null; stdout: string; stderr: string };
let zip: JSZip;

beforeAll(async () => {
  release = spawnSync(process.execPath, [join(root, "tools", "release.mjs"), "--origin", ORIGIN, "--dist", join(work, "dist"), "--out", out], {
    cwd: root,
    encoding: "utf8",
    timeout: 170_000,
  });
  if (release.status !== 0) throw new Error(`npm run release failed (${release.status}):\n${release.stderr}${release.stdout}`);
  zip = await JSZip.loadAsync(readFileSync(join(out, `social-value-evaluation-${version}.zip`)));
});

afterAll(() => rmSync(work, { recursive: true, force: true }));

describe("npm run release -- --origin <council's address>", () => {
  it("writes a manifest that is schema-valid, names no local address and points every URL at the origin", async () => {
    const manifest = readFileSync(join(out, "manifest.xml"), "utf8");
    const checked = await checkManifest(manifest);
    expect(checked.errors).toEqual([]);
    expect(manifest).not.toMatch(/localhost|127\.0\.0\.1/);
    const urls = [...manifest.matchAll(/DefaultValue="(https?:\/\/[^"]*)"/g)].map((m) => m[1]);
    expect(urls.length).toBeGreaterThan(5);
    for (const url of urls) expect(url).toMatch(/^https:\/\/addins\.example\.gov\.uk\/social-value\/[\w./-]+$/);
    expect(manifest).toContain("<AppDomain>https://addins.example.gov.uk</AppDomain>");
  });

  it("gives the release the production id and name, distinct from the development copy's, and the package's version", () => {
    const manifest = readFileSync(join(out, "manifest.xml"), "utf8");
    const dev = readFileSync(join(root, "manifest.xml"), "utf8");
    expect(manifest).toContain(`<Id>${PRODUCTION_ID}</Id>`);
    expect(dev).toContain(`<Id>${DEV_ID}</Id>`);
    expect(PRODUCTION_ID).not.toBe(DEV_ID);
    const name = (xml: string) => /<DisplayName DefaultValue="([^"]*)"/.exec(xml)?.[1];
    expect(name(manifest)).toBe("Social Value Evaluation");
    expect(name(dev)).not.toBe(name(manifest));
    expect(manifest).toContain(`<Version>${version}.0</Version>`);
  });

  it("packs what to host and the manifest, with a checksum for every file that matches it", async () => {
    const names = Object.keys(zip.files).filter((n) => !zip.files[n]!.dir);
    for (const needed of ["taskpane.html", "taskpane.js", "functions.js", "functions.json", "help.html", "manifest.xml", "assets/icon-32.png", "SHA256SUMS"]) {
      expect(names).toContain(needed);
    }
    // No playground, no HyperFormula (GPLv3, tests only), no source maps.
    expect(names.filter((n) => /playground|office-js|\.map$/.test(n))).toEqual([]);
    const sums = (await zip.file("SHA256SUMS")!.async("string")).trim().split("\n").map((l) => l.split("  ") as [string, string]);
    expect(sums.map(([, f]) => f).sort()).toEqual(names.filter((n) => n !== "SHA256SUMS").sort());
    for (const [sum, file] of sums) {
      const bytes = await zip.file(file)!.async("nodebuffer");
      expect([file, createHash("sha256").update(bytes).digest("hex")]).toEqual([file, sum]);
    }
    expect(await zip.file("manifest.xml")!.async("string")).toBe(readFileSync(join(out, "manifest.xml"), "utf8"));
    // The zip's own checksum, beside it.
    const zipBytes = readFileSync(join(out, `social-value-evaluation-${version}.zip`));
    expect(readFileSync(join(out, `social-value-evaluation-${version}.zip.sha256`), "utf8")).toBe(
      `${createHash("sha256").update(zipBytes).digest("hex")}  social-value-evaluation-${version}.zip\n`,
    );
  });

  it("refuses an address that is not a council's server, saying why, and builds nothing", () => {
    for (const [origin, says] of [
      ["http://addins.example.gov.uk/social-value/", /https/],
      ["https://localhost:3000/", /this machine's own address/],
      ["addins.example.gov.uk", /not a web address/],
    ] as const) {
      const refused = spawnSync(process.execPath, [join(root, "tools", "release.mjs"), "--origin", origin, "--dist", join(work, "refused"), "--out", join(work, "refused-out")], {
        cwd: root,
        encoding: "utf8",
      });
      expect(refused.status).toBe(1);
      expect(refused.stderr).toMatch(says);
      expect(existsSync(join(work, "refused"))).toBe(false);
    }
  });

  it("fails npm run validate on a release manifest that still names localhost", () => {
    const tampered = join(work, "tampered.xml");
    writeFileSync(tampered, readFileSync(join(out, "manifest.xml"), "utf8").replace(`${ORIGIN}help.html`, "https://localhost:3000/help.html"));
    const validate = spawnSync(process.execPath, [join(root, "tools", "validate-manifest.mjs"), tampered], { cwd: root, encoding: "utf8" });
    expect(validate.status).toBe(1);
    expect(validate.stderr).toContain("must not point at this machine");
    const clean = spawnSync(process.execPath, [join(root, "tools", "validate-manifest.mjs"), join(out, "manifest.xml")], { cwd: root, encoding: "utf8" });
    expect([clean.status, clean.stderr]).toEqual([0, ""]);
  });
});

/** A certificate for this machine's two names, made for the test (a council's host has a real one). */
async function aTestCertificate(): Promise<{ key: string; cert: string }> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- CommonJS, and typed loosely here
  const selfsigned = require("selfsigned") as { generate: (attrs: unknown, options: unknown) => { private: string; cert: string } | Promise<{ private: string; cert: string }> };
  const made = await selfsigned.generate([{ name: "commonName", value: "127.0.0.1" }], {
    days: 1,
    keySize: 2048,
    extensions: [{ name: "subjectAltName", altNames: [{ type: 7, ip: "127.0.0.1" }, { type: 2, value: "localhost" }] }],
  });
  return { key: made.private, cert: made.cert };
}

/** The zip's files in a folder, served over HTTPS as the README's Deployment section configures any static host. */
async function serveRelease(tls: { key: string; cert: string }): Promise<{ base: string; close: () => Promise<void> }> {
  const site = join(work, "site");
  for (const [name, entry] of Object.entries(zip.files)) {
    if (entry.dir) continue;
    const file = join(site, name);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, await entry.async("nodebuffer"));
  }
  const server: Server = createServer(tls, (req, res) => {
    const path = decodeURIComponent((req.url ?? "/").split("?")[0] ?? "/");
    const prefix = "/social-value/";
    const relativePath = path.startsWith(prefix) ? path.slice(prefix.length) : undefined;
    const headers = relativePath === undefined || relativePath.includes("..") ? undefined : headersFor(relativePath);
    const file = relativePath === undefined ? "" : join(site, relativePath);
    if (headers === undefined || !existsSync(file)) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, headers).end(readFileSync(file));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : 0;
  return { base: `https://127.0.0.1:${port}/social-value/`, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

let tls: { key: string; cert: string };

/** A file's status and headers, trusting the test's certificate alone. */
function headersOf(url: string): Promise<{ status: number; headers: IncomingHttpHeaders }> {
  return new Promise((resolve, reject) =>
    get(url, { ca: tls.cert }, (res) => (res.resume(), resolve({ status: res.statusCode ?? 0, headers: res.headers }))).on("error", reject),
  );
}

describe("the release on a plain static HTTPS server configured as the README says", () => {
  let host: { base: string; close: () => Promise<void> };
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    tls = await aTestCertificate();
    host = await serveRelease(tls);
    browser = await launchBrowser();
    // The browser does not know the test's certificate authority; a council's host has a trusted one.
    page = await browser.newPage({ viewport: { width: 420, height: 700 }, ignoreHTTPSErrors: true });
  });

  afterAll(async () => {
    await browser?.close();
    await host?.close();
  });

  it("sends functions.json and functions.js with the CORS header, and each file with its type and caching", async () => {
    const json = await headersOf(`${host.base}functions.json`);
    expect([json.status, json.headers["access-control-allow-origin"], json.headers["content-type"]]).toEqual([200, "*", "application/json; charset=utf-8"]);
    const js = await headersOf(`${host.base}functions.js`);
    expect([js.status, js.headers["access-control-allow-origin"], js.headers["content-type"]]).toEqual([200, "*", "text/javascript; charset=utf-8"]);
    const html = await headersOf(`${host.base}taskpane.html`);
    expect([html.headers["content-type"], html.headers["cache-control"], html.headers["x-content-type-options"]]).toEqual(["text/html; charset=utf-8", "no-cache", "nosniff"]);
    const chunk = Object.keys(zip.files).find((n) => /^[^/]+\.[0-9a-f]{8}\.js$/.test(n))!;
    expect((await headersOf(`${host.base}${chunk}`)).headers["cache-control"]).toBe("public, max-age=31536000, immutable");
    expect((await headersOf(`${host.base}SHA256SUMS`)).status).toBe(404);
  });

  it("lets a page on another origin read functions.json, as Excel on the web does, and not the files without the header", async () => {
    // localhost and 127.0.0.1 are two origins to the browser: the page runs on one, the files on the other.
    const other = host.base.replace("127.0.0.1", "localhost");
    await page.goto(`${other}help.html`);
    const read = (url: string) =>
      page.evaluate(async (u) => {
        try {
          const r = await fetch(u);
          return `read ${r.status} ${(await r.text()).length > 0 ? "with content" : "empty"}`;
        } catch {
          return "blocked";
        }
      }, url);
    await expect(read(`${host.base}functions.json`)).resolves.toBe("read 200 with content");
    await expect(read(`${host.base}functions.js`)).resolves.toBe("read 200 with content");
    // The control: the same server, a file sent without the header, is refused to the other origin.
    await expect(read(`${host.base}taskpane.html`)).resolves.toBe("blocked");
  });

  it("loads the pane from the release in Chromium, every file found, no script error", async () => {
    const errors = watchErrors(page);
    const missing: string[] = [];
    page.on("response", (r) => {
      if (r.url().startsWith(host.base) && r.status() !== 200) missing.push(`${r.status()} ${r.url()}`);
    });
    // office.js comes from Microsoft's CDN in Excel; outside Excel, offline, the pane says where it works.
    await page.route("https://appsforoffice.microsoft.com/**", (route) => route.abort());
    await page.goto(`${host.base}taskpane.html`);
    await page.getByText("Open this pane in Excel").waitFor();
    await page.screenshot({ path: join(shots, "01-pane-from-release.png") });
    expect(missing).toEqual([]);
    expect(errors).toEqual([]);
  });
});
