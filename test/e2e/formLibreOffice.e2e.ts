/**
 * Files written by another producer: LibreOffice headless re-saves a filled response form, and
 * turns a council's CSV measure table into .xlsx; both must read back to what was entered.
 * Needs LibreOffice (`soffice`), as the end-to-end tests do: .ci/run installs
 * libreoffice-calc-nogui when it is missing, and a missing one fails rather than skips.
 */
import { spawnSync } from "child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { basename, extname, join } from "path";
import { UNITS } from "../../src/core";
import { buildResponseForm } from "../../src/forms/buildResponseForm";
import { applyMapping, proposeMapping, readTableFile } from "../../src/forms/measureTableImport";
import { readResponseForm } from "../../src/forms/readResponseForm";
import { aFormTender, fillForm } from "../forms/formSupport";

const SOFFICE = process.env.SV_SOFFICE ?? "soffice";

/** Converts `file` with LibreOffice into `outDir` as .xlsx, with a private profile; returns the new file's bytes. */
function convertToXlsx(file: string, outDir: string, inFilter?: string): Uint8Array {
  const profile = mkdtempSync(join(tmpdir(), "sv-soffice-"));
  try {
    const args = [`-env:UserInstallation=file://${profile}`, "--headless", ...(inFilter ? [`--infilter=${inFilter}`] : []), "--convert-to", "xlsx:Calc MS Excel 2007 XML", "--outdir", outDir, file];
    const result = spawnSync(SOFFICE, args, { encoding: "utf8", timeout: 60_000 });
    if (result.error || result.status !== 0) {
      throw new Error(`LibreOffice (${SOFFICE}) could not convert ${file}: ${result.error?.message ?? ""}${result.stderr}${result.stdout}. Install it with "apt-get install -y libreoffice-calc-nogui" (.ci/run does), or set SV_SOFFICE.`);
    }
    return new Uint8Array(readFileSync(join(outDir, `${basename(file, extname(file))}.xlsx`)));
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
}

let work: string;
beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), "sv-forms-lo-"));
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

it("reads a filled form re-saved by LibreOffice as the same rows", async () => {
  const tender = aFormTender();
  const filled = await fillForm(await buildResponseForm(tender), {
    bidder: "Acme Highways Ltd",
    entries: [
      { ref: "ILL1", quantity: 12.5, baseline: 8, actions: "Recruit locally", verification: "Payroll postcodes" },
      { ref: "ILL6", quantity: 0.4, numFmt: "0%" },
      { ref: "ILL11", quantity: 3, actions: "=HYPERLINK(\"http://x\",\"click\")" },
    ],
    answers: { "ILL-Q1": "A social value manager" },
    offers: [["Charity", "Food bank", "Van loan", 12, 900]],
  });
  const source = join(work, "acme-form.xlsx");
  writeFileSync(source, filled);
  const outDir = mkdtempSync(join(work, "out-"));
  const resaved = convertToXlsx(source, outDir);
  expect(resaved).not.toEqual(filled);

  const before = await readResponseForm("acme.xlsx", filled, tender.tenderId);
  const after = await readResponseForm("acme.xlsx", resaved, tender.tenderId);
  if (!before.ok || !after.ok) throw new Error(`refused: ${before.ok ? "" : before.message}${after.ok ? "" : after.message}`);
  expect(after.form.commitments).toEqual(before.form.commitments);
  expect(after.form.commitments.map((c) => [c.ref, c.quantity, c.actions])).toEqual([
    ["ILL1", 12.5, "Recruit locally"],
    ["ILL6", 40, ""],
    ["ILL11", 3, '=HYPERLINK("http://x","click")'],
  ]);
  expect([after.form.bidder, after.form.answers, after.form.offers]).toEqual([before.form.bidder, before.form.answers, before.form.offers]);
});

it("imports a council's CSV measure table converted to .xlsx by LibreOffice", async () => {
  const csv = [
    "Anytown Borough Council social value proxies 2025",
    "",
    "Theme,TOM ref,Measure description,Units,Proxy value (£)",
    'Jobs,NT1,"Local people employed, FTE",no. people FTE,"28,000.50"',
    "Skills,NT10,Apprenticeship weeks,weeks,220",
    "Environment,NT31,Carbon saved,tCO2e,70",
  ].join("\r\n");
  const source = join(work, "proxies.csv");
  writeFileSync(source, csv, "utf8");
  const outDir = mkdtempSync(join(work, "out-"));
  // Comma-separated, double quotes, UTF-8 (76), from line 1.
  const xlsx = convertToXlsx(source, outDir, "CSV:44,34,76,1");

  const table = await readTableFile("proxies.xlsx", xlsx);
  if (!table.ok) throw new Error(table.message);
  const grid = table.grids[0];
  if (!grid) throw new Error("no sheet");
  const { mapping } = proposeMapping(grid);
  expect(mapping).toEqual({ headerRow: 2, columns: { theme: 0, ref: 1, measure: 2, unit: 3, proxy: 4 } });
  const { measures, problems } = applyMapping(grid, mapping);
  expect(problems).toEqual([]);
  expect(measures.map((m) => [m.ref, m.theme, m.description, UNITS[m.unit].label, m.proxy])).toEqual([
    ["NT1", "Jobs", "Local people employed, FTE", "FTE", 28000.5],
    ["NT10", "Skills", "Apprenticeship weeks", "weeks", 220],
    ["NT31", "Environment", "Carbon saved", "tCO2e", 70],
  ]);
});
