// `npm run bench`: builds the production bundles, measures them, runs every suite in
// bench/suites/ (each in a fresh Node process, so heap figures are not polluted by other
// suites), and writes bench/results.json. Figures quoted in the README come from here.
import { execFileSync } from "node:child_process";
import { readdirSync, readFileSync, writeFileSync, mkdirSync, rmSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";
import os from "node:os";

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, "..");
const only = process.argv[2]; // optional filter: a substring of suite file names
const entries = [];

function run(cmd, args, opts = {}) {
  return execFileSync(cmd, args, { cwd: root, stdio: ["ignore", "pipe", "inherit"], maxBuffer: 64 << 20, ...opts });
}

const GOALS = {
  functions: "; goal ≤ 30 KB (30,720): no React or UI code in the custom functions",
  taskpane: "; the pane's own entry chunk (taskpane.html also loads functions.js): see bundle/taskpane-page-initial-gzip for the goal",
};

/**
 * The JS the pane page loads before it is interactive: the bundles its <script> tags name, and
 * every chunk those entry points load eagerly, read from webpack's own stats of this build (an
 * entry point's `assets` are its initial chunks; chunks behind import() are not among them).
 */
function pageInitialScripts(dist, stats, page) {
  const html = readFileSync(join(dist, page), "utf8");
  const local = [...html.matchAll(/<script\b[^>]*\bsrc=["']?([^"' >]+)/g)].map((m) => m[1]).filter((src) => !/^(https?:)?\/\//.test(src));
  const files = new Set();
  for (const src of local) {
    const entry = Object.values(stats.entrypoints).find((e) => e.assets.some((a) => a.name === src));
    if (entry === undefined) throw new Error(`bench: ${page} loads ${src}, which no webpack entry point emits`);
    for (const asset of entry.assets) if (asset.name.endsWith(".js")) files.add(asset.name);
  }
  return [...files];
}

// 1. Bundle sizes from a fresh production build.
let built = false;
if (!only || "bundle".includes(only)) {
  built = true;
  console.log("bench: production build");
  const statsFile = join(os.tmpdir(), `bench-webpack-stats-${process.pid}.json`);
  run("npx", ["webpack", "--mode", "production", `--json=${statsFile}`], { stdio: ["ignore", "ignore", "inherit"] });
  const stats = JSON.parse(readFileSync(statsFile, "utf8"));
  rmSync(statsFile, { force: true });
  const dist = join(root, "dist");
  const gzipBytes = (file) => gzipSync(readFileSync(join(dist, file)), { level: 9 }).length;
  for (const file of readdirSync(dist).filter((f) => f.endsWith(".js"))) {
    const body = readFileSync(join(dist, file));
    // Lazy chunks are named [name].[contenthash:8].js; the entry's name leaves out the hash so it stays put across builds.
    const name = file.replace(/\.js$/, "").replace(/\.[0-9a-f]{8}$/, "");
    const shown = file.replace(/\.[0-9a-f]{8}\.js$/, ".[contenthash].js");
    entries.push({ name: `bundle/${name}-js`, value: body.length, unit: "bytes", better: "lower", note: `dist/${shown}, minified` });
    entries.push({ name: `bundle/${name}-js-gzip`, value: gzipSync(body, { level: 9 }).length, unit: "bytes", better: "lower", note: `dist/${shown}, minified then gzip -9${GOALS[name] ?? ""}` });
  }
  const initial = pageInitialScripts(dist, stats, "taskpane.html");
  entries.push({
    name: "bundle/taskpane-page-initial-gzip",
    value: initial.reduce((sum, file) => sum + gzipBytes(file), 0),
    unit: "bytes",
    better: "lower",
    note: `what taskpane.html loads before it is interactive (${initial.join(", ")}), each minified then gzip -9; goal ≤ 165 KB (168,960), the weight of Microsoft's one-button React template page`,
  });
}

// 2. Suites: compile TypeScript once, then one process per suite.
const suites = readdirSync(join(here, "suites")).filter((f) => f.endsWith(".ts") && (!only || f.includes(only)));
if (suites.length > 0) {
  const build = join(here, ".build");
  rmSync(build, { recursive: true, force: true });
  mkdirSync(build, { recursive: true });
  run("npx", ["tsc", "-p", join(here, "tsconfig.json")], { stdio: ["ignore", "inherit", "inherit"] });
  // The ui suite loads dist/ in a browser and builds nothing itself: it gets a fresh production build.
  if (!built && suites.includes("ui.ts")) {
    console.log("bench: production build (for the ui suite)");
    run("npx", ["webpack", "--mode", "production"], { stdio: ["ignore", "ignore", "inherit"] });
  }
  for (const suite of suites) {
    console.log(`bench: ${suite}`);
    const compiled = join(build, "bench", "suites", suite.replace(/\.ts$/, ".js"));
    const out = run("node", ["--expose-gc", "--max-old-space-size=4096", join(build, "bench", "runSuite.js"), compiled]);
    entries.push(...JSON.parse(out.toString("utf8")));
  }
}

const file = join(here, "results.json");
let previous = [];
try {
  previous = JSON.parse(readFileSync(file, "utf8"));
} catch {
  /* first run */
}
// A filtered run updates only the entries it measured.
const merged = [...previous.filter((p) => !entries.some((e) => e.name === p.name)), ...entries].sort((a, b) =>
  a.name.localeCompare(b.name)
);
writeFileSync(file, JSON.stringify(merged, null, 2) + "\n");
// The README quotes the figures of the last run, between markers, so they never drift.
const readme = join(root, "README.md");
const text = readFileSync(readme, "utf8");
const start = "<!-- bench:start -->";
const end = "<!-- bench:end -->";
if (text.includes(start) && text.includes(end)) {
  const fmt = (v) => (typeof v === "number" ? v.toLocaleString("en-GB") : String(v));
  const rows = merged.map((e) => `| \`${e.name}\` | ${fmt(e.value)} ${e.unit} | ${e.note} |`);
  const table = ["| entry | value | what and goal |", "| --- | --- | --- |", ...rows].join("\n");
  const stamp = `Last run: ${new Date().toISOString().slice(0, 10)}, Node ${process.version}, ${os.cpus().length} CPU cores.`;
  writeFileSync(readme, text.slice(0, text.indexOf(start) + start.length) + `\n${stamp}\n\n${table}\n` + text.slice(text.indexOf(end)));
}
for (const e of entries) console.log(`${e.name.padEnd(44)} ${String(e.value).padStart(12)} ${e.unit}`);
console.log(`bench: wrote ${file}`);
