/**
 * How soon the production task pane is usable: headless Chromium loads dist/taskpane.html from a
 * local server, with office.js stubbed as Excel (no network at all), and the time from navigation
 * to the pane's tab list being visible is measured in the page. Each run uses a fresh browser
 * context, so nothing is cached between runs: every run pays for parsing and running the bundles.
 *
 * The suite builds nothing: bench/run.mjs builds production before it runs this suite.
 */
import { createServer, type Server } from "node:http";
import { existsSync, readFileSync, statSync } from "node:fs";
import type { AddressInfo } from "node:net";
import { extname, join, normalize, resolve } from "node:path";
import { chromium, type Browser } from "playwright-core";
import { round, type BenchEntry } from "../harness";

const RUNS = 7;
const WARMUP = 1;
const CHROMIUM = "/usr/bin/chromium";
const OFFICE_JS = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";

/** Just enough of office.js for boot to find Excel; any Excel call fails, and none is made at start. */
const OFFICE_STUB = `
window.Office = { onReady: () => Promise.resolve({ host: "Excel" }), HostType: { Excel: "Excel" }, context: {}, actions: { associate() {} }, addin: {} };
window.Excel = { run: async () => { throw new Error("bench"); } };
`;

/** Records when the tab list first enters the DOM, on the page's own clock (0 = navigation start). */
const WATCH_TABLIST = `
new MutationObserver((_, observer) => {
  if (document.querySelector('[role="tablist"]')) {
    window.__tablistAt = performance.now();
    observer.disconnect();
  }
}).observe(document, { childList: true, subtree: true });
`;

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".json": "application/json",
  ".png": "image/png",
  ".xml": "application/xml",
};

export async function run(): Promise<BenchEntry[]> {
  // Compiled to bench/.build/bench/suites/ui.js: the project is four folders up.
  const dist = resolve(__dirname, "..", "..", "..", "..", "dist");
  if (!existsSync(join(dist, "taskpane.html"))) throw new Error(`bench ui: no ${dist}/taskpane.html; run npm run build (bench/run.mjs does)`);
  // A development build (source maps, unminified) would measure the wrong thing.
  if (existsSync(join(dist, "taskpane.js.map"))) throw new Error("bench ui: dist/ holds a development build; run npm run build");

  const server = await serve(dist);
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run"],
  });
  try {
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/taskpane.html`;
    for (let i = 0; i < WARMUP; i++) await firstRenderMs(browser, url);
    const times: number[] = [];
    for (let i = 0; i < RUNS; i++) times.push(await firstRenderMs(browser, url));
    times.sort((a, b) => a - b);
    return [
      {
        name: "ui/taskpane-first-render-ms",
        value: round(times[Math.floor(times.length / 2)] ?? NaN),
        unit: "ms",
        better: "lower",
        note: `median of ${RUNS} cold loads of the production pane (dist/taskpane.html, local server, office.js stubbed as Excel), navigation to the tab list visible, headless Chromium; goal ≤ 1000`,
      },
    ];
  } finally {
    await browser.close();
    await new Promise<void>((done) => server.close(() => done()));
  }
}

async function firstRenderMs(browser: Browser, url: string): Promise<number> {
  const context = await browser.newContext({ viewport: { width: 320, height: 640 } });
  try {
    const origin = new URL(url).origin;
    // No network: office.js is the stub, the add-in's own files come from the local server, anything else is refused.
    await context.route("**/*", (route) => {
      const requested = route.request().url();
      if (requested === OFFICE_JS) return route.fulfill({ status: 200, contentType: "text/javascript", body: OFFICE_STUB });
      if (requested.startsWith(origin)) return route.continue();
      return route.abort();
    });
    const page = await context.newPage();
    await page.addInitScript(WATCH_TABLIST);
    await page.goto(url, { waitUntil: "commit" });
    await page.locator('[role="tablist"]').waitFor({ state: "visible", timeout: 30_000 });
    const at = await page.evaluate(() => (window as unknown as { __tablistAt?: number }).__tablistAt);
    if (typeof at !== "number") throw new Error("bench ui: the tab list showed but its time was not recorded");
    return at;
  } finally {
    await context.close();
  }
}

function serve(root: string): Promise<Server> {
  const server = createServer((request, response) => {
    const path = normalize(decodeURIComponent(new URL(request.url ?? "/", "http://localhost").pathname));
    const file = join(root, path);
    if (!file.startsWith(root) || !existsSync(file) || !statSync(file).isFile()) {
      response.writeHead(404).end();
      return;
    }
    response.writeHead(200, { "content-type": TYPES[extname(file)] ?? "application/octet-stream" }).end(readFileSync(file));
  });
  return new Promise((ready) => server.listen(0, "127.0.0.1", () => ready(server)));
}
