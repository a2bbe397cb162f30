/**
 * End-to-end harness: builds the playground once (webpack, development mode, into a temporary
 * folder), serves it on 127.0.0.1, and drives Debian's Chromium through playwright-core.
 * Screenshots of each step go to test-results/e2e/. No browser is downloaded: CI installs
 * chromium with apt (.ci/run), and a missing browser fails the run rather than skipping it.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from "fs";
import { createServer, type Server } from "http";
import { tmpdir } from "os";
import { extname, join, normalize } from "path";
import { chromium, type Browser, type Page } from "playwright-core";
import webpack from "webpack";

const root = join(__dirname, "..", "..");
export const SCREENSHOTS = join(root, "test-results", "e2e");
const CHROMIUM = process.env.SV_CHROMIUM ?? "/usr/bin/chromium";

export const CHROMIUM_FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run"];

export async function buildPlayground(): Promise<string> {
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
export function watchErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on("pageerror", (e) => errors.push(e.message));
  return errors;
}
