// `npm run release -- --origin https://addins.example.gov.uk/social-value/`: the add-in built for
// a council's own web address. Builds the production bundles into dist/, rewrites dist/manifest.xml
// for that address (tools/releaseManifest.cjs), checks it as `npm run validate` does, and packs
// what to host plus the manifest into release/social-value-evaluation-<version>.zip with a
// SHA256SUMS file (the same lines beside the zip). Options:
//   --origin <https URL>  where the files will be served from (required)
//   --id <GUID>           another production id (default: the product's own; keep it across releases)
//   --name <text>         another display name
//   --dist <folder>       where to build (default dist/)
//   --out <folder>        where to write the zip and checksums (default release/)
import { createHash } from "node:crypto";
import { mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join, relative, resolve, sep } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";

const require = createRequire(import.meta.url);
const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const { parseOrigin, releaseManifest, releaseProblems } = require("./releaseManifest.cjs");

function fail(message) {
  console.error(`release: ${message}`);
  process.exit(1);
}

let args;
try {
  args = parseArgs({
    options: { origin: { type: "string" }, id: { type: "string" }, name: { type: "string" }, dist: { type: "string" }, out: { type: "string" } },
    strict: true,
  }).values;
} catch (e) {
  fail(`${e.message}. Usage: npm run release -- --origin https://addins.example.gov.uk/social-value/`);
}
const origin = parseOrigin(args.origin);
if (origin instanceof Error) fail(origin.message);
const version = JSON.parse(readFileSync(join(root, "package.json"), "utf8")).version;
const dist = resolve(root, args.dist ?? "dist");
const out = resolve(root, args.out ?? "release");

// 1. The production bundles, through webpack's Node API (as test/build/productionBuild.test.ts).
console.log(`Building version ${version} into ${relative(root, dist) || "."}…`);
const webpack = require("webpack");
const makeConfig = require(join(root, "webpack.config.js"));
const config = await makeConfig({}, { mode: "production" });
config.context = root;
config.output = { ...config.output, path: dist };
const stats = await new Promise((done, reject) => webpack(config, (err, s) => (err || !s ? reject(err ?? new Error("no stats")) : done(s))));
if (stats.hasErrors()) fail(`the build failed:\n${stats.toString({ all: false, errors: true })}`);

// 2. The manifest for the council's address.
const manifestPath = join(dist, "manifest.xml");
let manifest;
try {
  manifest = releaseManifest(readFileSync(manifestPath, "utf8"), { ...origin, version, ...(args.id ? { id: args.id } : {}), ...(args.name ? { name: args.name } : {}) });
} catch (e) {
  fail(e.message);
}
writeFileSync(manifestPath, manifest);

// 3. Checked as `npm run validate` checks it: the Office XSDs where this machine has them, the
// product's rules, and no local address anywhere in what is hosted.
const files = listFiles(dist);
const local = files.filter((f) => /\.(html|js|json|xml|txt)$/.test(f) && /\blocalhost\b|127\.0\.0\.1/.test(readFileSync(join(dist, f), "utf8")));
if (local.length > 0) fail(`these files still name a local address: ${local.join(", ")}`);
const { checkManifest } = require("./manifestCheck.cjs");
let checked;
try {
  checked = await checkManifest(manifest);
} catch (e) {
  // The XSDs are a development input (../shared/officejs-xsd or SV_XSD_DIR), not shipped.
  console.warn(`release: the manifest's schema check could not run (${e.message}); the product's rules are checked alone.`);
  const problems = releaseProblems(manifest);
  checked = { valid: problems.length === 0, errors: problems };
}
if (!checked.valid) fail(`the release manifest has problems:\n  - ${checked.errors.join("\n  - ")}`);

// 4. Checksums and the zip: what to host, and the manifest for the admin centre.
const sums = files.map((f) => `${createHash("sha256").update(readFileSync(join(dist, f))).digest("hex")}  ${f}`).join("\n") + "\n";
const JSZip = require("jszip");
const zip = new JSZip();
// One fixed date, so the same files make the same zip.
const date = new Date(Date.UTC(2020, 0, 1));
for (const f of files) zip.file(f, readFileSync(join(dist, f)), { date });
zip.file("SHA256SUMS", sums, { date });
const bytes = await zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE", compressionOptions: { level: 9 }, platform: "UNIX" });
rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });
const zipName = `social-value-evaluation-${version}.zip`;
writeFileSync(join(out, zipName), bytes);
writeFileSync(join(out, "SHA256SUMS"), sums);
writeFileSync(join(out, "manifest.xml"), manifest);
const zipSum = createHash("sha256").update(bytes).digest("hex");
writeFileSync(join(out, `${zipName}.sha256`), `${zipSum}  ${zipName}\n`);

console.log(`Release ${version} for ${origin.base}
  ${relative(root, join(out, zipName))}  (${files.length} files, sha256 ${zipSum})
  ${relative(root, join(out, "manifest.xml"))}  (upload in the Microsoft 365 admin centre: Integrated apps)
Host the zip's files (all but SHA256SUMS may be served) at ${origin.base}; see README "Deployment".`);

/** Every file under `folder`, as forward-slash paths relative to it, sorted. */
function listFiles(folder) {
  const found = [];
  const walk = (dir) => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else found.push(relative(folder, path).split(sep).join("/"));
    }
  };
  walk(folder);
  return found.sort();
}
