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
  taskpane: "; the pane's own bundle (taskpane.html also loads functions.js and commands.js); goal for all three ≤ 165 KB (168,960)",
};

// 1. Bundle sizes from a fresh production build.
if (!only || "bundle".includes(only)) {
  console.log("bench: production build");
  run("npx", ["webpack", "--mode", "production"], { stdio: ["ignore", "ignore", "inherit"] });
  const dist = join(root, "dist");
  for (const file of readdirSync(dist).filter((f) => f.endsWith(".js"))) {
    const body = readFileSync(join(dist, file));
    const name = file.replace(/\.js$/, "");
    entries.push({ name: `bundle/${name}-js`, value: body.length, unit: "bytes", better: "lower", note: `dist/${file}, minified` });
    entries.push({ name: `bundle/${name}-js-gzip`, value: gzipSync(body, { level: 9 }).length, unit: "bytes", better: "lower", note: `dist/${file}, minified then gzip -9${GOALS[name] ?? ""}` });
  }
}

// 2. Suites: compile TypeScript once, then one process per suite.
const suites = readdirSync(join(here, "suites")).filter((f) => f.endsWith(".ts") && (!only || f.includes(only)));
if (suites.length > 0) {
  const build = join(here, ".build");
  rmSync(build, { recursive: true, force: true });
  mkdirSync(build, { recursive: true });
  run("npx", ["tsc", "-p", join(here, "tsconfig.json")], { stdio: ["ignore", "inherit", "inherit"] });
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
