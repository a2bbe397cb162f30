// `npm run validate`: checks manifest.xml offline and exits non-zero with every problem listed.
// `npm run validate -- release/manifest.xml` checks a release's manifest too; a release (any id
// but the development one) fails on any local address (tools/releaseManifest.cjs).
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
const { checkManifest } = require("./manifestCheck.cjs");

const files = process.argv.length > 2 ? process.argv.slice(2) : ["manifest.xml"];
let failed = false;
for (const file of files) {
  const { valid, errors } = await checkManifest(readFileSync(file, "utf8"));
  if (valid) {
    console.log(`${file}: valid (Office add-in XSDs and the product's manifest rules)`);
  } else {
    failed = true;
    console.error(`${file}: ${errors.length} problem(s)`);
    for (const e of errors) console.error(`  - ${e}`);
  }
}
if (failed) process.exit(1);
