/**
 * End-to-end harness: builds the playground once (webpack, development mode, into a temporary
 * folder), serves it on 127.0.0.1, and drives Debian's Chromium through playwright-core.
 * Screenshots of each step go to test-results/e2e/. No browser is downloaded: CI installs
 * chromium with apt (.ci/run), and a missing browser fails the run rather than skipping it.
 */
import { spawnSync } from "child_process";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "fs";
import { createServer, type Server } from "http";
import { tmpdir } from "os";
import { basename, extname, join, normalize } from "path";
import { chromium, type Browser, type Page } from "playwright-core";
import webpack from "webpack";

/** The project folder: found by walking up, so this also works compiled under bench/.build. */
function projectRoot(from: string): string {
  let dir = from;
  while (!existsSync(join(dir, "webpack.config.js")) || dir.endsWith(".build")) {
    const up = join(dir, "..");
    if (up === dir) throw new Error(`no webpack.config.js above ${from}`);
    dir = up;
  }
  return dir;
}

const root = projectRoot(__dirname);
export const SCREENSHOTS = join(root, "test-results", "e2e");
const CHROMIUM = process.env.SV_CHROMIUM ?? "/usr/bin/chromium";

export const CHROMIUM_FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run"];

/**
 * Set by the e2e run's global setup (globalSetup.ts) to the one build every test file shares:
 * a webpack build takes over a minute on the 2-core machine, once per file was most of the run.
 */
export const SHARED_BUILD_ENV = "SV_PLAYGROUND_BUILD";

export async function buildPlayground(): Promise<string> {
  const shared = process.env[SHARED_BUILD_ENV];
  if (shared !== undefined && existsSync(join(shared, "playground.html"))) return shared;
  const out = mkdtempSync(join(tmpdir(), "sv-playground-"));
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- webpack.config.js is CommonJS
  const makeConfig = require(join(root, "webpack.config.js")) as (env: unknown, argv: { mode: string }) => Promise<webpack.Configuration>;
  const config = await makeConfig({ playground: true }, { mode: "development" });
  config.context = root;
  config.devtool = false;
  config.output = { ...config.output, path: out };
  const stats = await new Promise<webpack.Stats>((resolve, reject) => webpack(config, (err, s) => (err || !s ? reject(err ?? new Error("no stats")) : resolve(s))));
  if (stats.hasErrors()) throw new Error(stats.toString({ all: false, errors: true }));
  return out;
}

const TYPES: Record<string, string> = { ".html": "text/html", ".js": "text/javascript", ".json": "application/json", ".png": "image/png", ".xml": "application/xml" };

export async function serve(dir: string): Promise<{ url: string; close: () => Promise<void> }> {
  const server: Server = createServer((req, res) => {
    const path = normalize(decodeURIComponent((req.url ?? "/").split("?")[0] ?? "/")).replace(/^([/\\])+/, "");
    const file = join(dir, path || "playground.html");
    if (!file.startsWith(dir) || !existsSync(file)) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { "Content-Type": TYPES[extname(file)] ?? "application/octet-stream" }).end(readFileSync(file));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : 0;
  return { url: `http://127.0.0.1:${port}`, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

export async function launchBrowser(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`Chromium is not installed at ${CHROMIUM}: install it with "apt-get install -y chromium" (.ci/run does), or set SV_CHROMIUM.`);
  }
  return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_FLAGS });
}

export function screenshotDir(name: string): string {
  const dir = join(SCREENSHOTS, name);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  return dir;
}

/** Collects page errors so a test can assert that none happened. */
/**
 * Errors the page raises, and any Excel API member the playground's add-in code used that the
 * test Excel host does not implement (it logs "Excel host: … is not implemented").
 */
export function watchErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on("pageerror", (e) => errors.push(e.message));
  page.on("console", (m) => {
    if (m.type() === "error" && m.text().startsWith("Excel host:")) errors.push(m.text());
  });
  return errors;
}

const SOFFICE = process.env.SV_SOFFICE ?? "soffice";

/**
 * Opens a workbook in LibreOffice headless and writes every sheet as its own UTF-8 CSV
 * (`<name>-<Sheet>.csv`; sheet option -1 needs LibreOffice ≥ 7.2). Values are raw, not as
 * formatted ("save cell contents as shown" off), and formulas give their cached results because
 * LibreOffice does not recalculate .xlsx files on load by default. Returns each sheet's rows.
 * A missing LibreOffice fails: CI installs libreoffice-calc-nogui with apt (.ci/run).
 */
export function xlsxToCsvs(file: string, outDir: string): Record<string, string[][]> {
  const found = spawnSync(SOFFICE, ["--version"], { encoding: "utf8" });
  if (found.error || found.status !== 0) {
    throw new Error(`LibreOffice (${SOFFICE}) is not installed or does not run: install it with "apt-get install -y libreoffice-calc-nogui" (.ci/run does), or set SV_SOFFICE.`);
  }
  // A private profile: a first run writes one, and two runs must not share it.
  const profile = mkdtempSync(join(tmpdir(), "sv-soffice-"));
  const result = spawnSync(
    SOFFICE,
    [`-env:UserInstallation=file://${profile}`, "--headless", "--convert-to", 'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1', "--outdir", outDir, file],
    { encoding: "utf8", timeout: 120_000 }
  );
  rmSync(profile, { recursive: true, force: true });
  if (result.status !== 0) throw new Error(`soffice --convert-to csv failed (${result.status ?? result.signal}): ${result.stderr}${result.stdout}`);
  const base = basename(file, extname(file));
  const sheets: Record<string, string[][]> = {};
  for (const name of readdirSync(outDir)) {
    if (name.startsWith(`${base}-`) && name.endsWith(".csv")) sheets[name.slice(base.length + 1, -4)] = parseCsv(readFileSync(join(outDir, name), "utf8"));
  }
  if (Object.keys(sheets).length === 0) throw new Error(`soffice wrote no per-sheet CSV into ${outDir}: ${result.stdout}${result.stderr}`);
  return sheets;
}

/** RFC 4180 CSV (quoted fields, doubled quotes, newlines inside quotes). */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  const endRow = (): void => {
    row.push(field);
    rows.push(row);
    row = [];
    field = "";
  };
  for (let i = 0; i < text.length; i++) {
    const ch = text[i] as string;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ",") {
      row.push(field);
      field = "";
    } else if (ch === "\n" || ch === "\r") {
      if (ch === "\r" && text[i + 1] === "\n") i++;
      endRow();
    } else field += ch;
  }
  if (field !== "" || row.length > 0) endRow();
  return rows;
}

/**
 * Runs JavaScript as an Excel.run batch on a playground's workbook, through the `run` the pane
 * uses (`window.__svPlayground`): what a test reads or writes this way goes through Microsoft's
 * Excel client, as the add-in's own requests do.
 */
export async function runInWorkbook<T>(page: Page, code: string): Promise<T> {
  return page.evaluate(async (source) => {
    const bridge = (window as unknown as { __svPlayground: { run: (batch: (context: unknown) => Promise<unknown>) => Promise<unknown> } }).__svPlayground;
    const batch = new Function("context", `return (async () => { ${source} })();`) as (context: unknown) => Promise<unknown>;
    return bridge.run(batch);
  }, code) as Promise<T>;
}
