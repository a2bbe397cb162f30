/** Runs one compiled suite in its own process and prints its entries as JSON. */
import type { BenchEntry } from "./harness";

async function main(): Promise<void> {
  const file = process.argv[2];
  if (!file) throw new Error("usage: node runSuite.js <compiled suite file>");
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- compiled to CommonJS; the suite path is only known at run time
  const suite = require(file) as { run: () => Promise<BenchEntry[]> };
  const entries = await suite.run();
  process.stdout.write(JSON.stringify(entries));
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
