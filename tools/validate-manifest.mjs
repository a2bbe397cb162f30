// `npm run validate`: checks manifest.xml offline and exits non-zero with every problem listed.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
const { checkManifest } = require("./manifestCheck.cjs");

const file = process.argv[2] ?? "manifest.xml";
const { valid, errors } = await checkManifest(readFileSync(file, "utf8"));
if (valid) {
  console.log(`${file}: valid (Office add-in XSDs and the product's manifest rules)`);
} else {
  console.error(`${file}: ${errors.length} problem(s)`);
  for (const e of errors) console.error(`  - ${e}`);
  process.exit(1);
}
