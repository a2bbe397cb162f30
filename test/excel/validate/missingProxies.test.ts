/**
 * Essex, as a council would start it: the ECC TOMs as shipped carry a proxy for the two
 * expert-hour measures only (£101, ECC39 and ECC46), so every other commitment is worth £0
 * until the council imports its licensed table. Validate, the sheet's Check column and Scores
 * must all say so, and stop saying it once the table is in.
 */
import { ESSEX, measureTableFromFramework, type MeasureEntry } from "../../../src/core";
import { SHEETS, STATUS_HEADER, TABLES } from "../../../src/core/shared/layout";
import { applyMeasureTableImport, previewMeasureTableImport } from "../../../src/excel/bids/importMeasureTable";
import { readScores } from "../../../src/excel/scores/readScores";
import { createValidateActions } from "../../../src/excel/validate/validateActions";
import { aTender } from "../../support/scoringBuilders";
import { aPlanInput, anEvaluationWorkbook, tableCells } from "../support";

const IN_SCOPE = ["ECC1", "ECC10", "ECC39"];
const essex = measureTableFromFramework(ESSEX, IN_SCOPE);

const ROWS = [
  ["Acme Care", "ECC1", "FTE", 3],
  ["Acme Care", "ECC39", "hours", 40],
  ["Birch Homes", "ECC1", "FTE", 2],
  ["Birch Homes", "ECC10", "weeks", 26],
];

/**
 * The council's own measure table, as its licensed calculator would give it. The figures are
 * made up for this test (the real ones are licensed to the council, not shipped); only their
 * being there matters.
 */
const COUNCIL_PROXIES: Readonly<Record<string, number>> = { ECC1: 28_000, ECC10: 250 };
const councilTable: MeasureEntry[] = essex.map((m) => ({ ...m, proxy: COUNCIL_PROXIES[m.ref] ?? m.proxy ?? (m.type === "Record" ? null : 10) }));

async function anEssexWorkbook() {
  const settings = aTender({ frameworkId: ESSEX.id, measuresInScope: IN_SCOPE, quantitativeShare: 1, maxPoints: 10 });
  return anEvaluationWorkbook(ROWS, aPlanInput({ settings, frameworkName: ESSEX.name, measures: essex }));
}

function commitmentColumns(fake: Awaited<ReturnType<typeof anEssexWorkbook>>["fake"]) {
  return tableCells(fake, TABLES.commitments, ["Ref", "Proxy", "Value", "Check", STATUS_HEADER]).map((r) => ({
    ref: r.Ref?.value,
    proxy: r.Proxy?.value,
    value: r.Value?.value,
    check: String(r.Check?.value),
    status: String(r[STATUS_HEADER]?.value ?? ""),
  }));
}

describe("Essex before its council's proxies are imported", () => {
  it("Validate names each unpriced measure once, with how many commitments rely on it and whose", async () => {
    const { run } = await anEssexWorkbook();
    const view = await createValidateActions(run).validate();
    expect(view.missingProxies.filter((m) => m.commitments > 0).map((m) => [m.ref, m.commitments, m.bidders])).toEqual([
      ["ECC1", 2, ["Acme Care", "Birch Homes"]],
      ["ECC10", 1, ["Birch Homes"]],
    ]);
    // ECC39 has Essex's published proxy (£101 per expert hour), so it is not named.
    expect(view.missingProxies.map((m) => m.ref)).not.toContain("ECC39");
  });

  it("each row to an unpriced measure says it counts £0, in the pane, the Status column and the live Check column alike", async () => {
    const { fake, run } = await anEssexWorkbook();
    const view = await createValidateActions(run).validate();
    expect(view.findings.filter((f) => f.code === "SV122").map((f) => [f.row, f.ref])).toEqual([
      [4, "ECC1"],
      [6, "ECC1"],
      [7, "ECC10"],
    ]);
    const rows = commitmentColumns(fake);
    // The Proxy cell is blank, not 0: an unpriced measure must not read as priced at £0.
    expect(rows.map((r) => [r.ref, r.proxy, r.value, r.check.slice(0, 5), /SV122 Proxy: .*counts £0/.test(r.status)])).toEqual([
      ["ECC1", "", 0, "SV122", true],
      ["ECC39", 101, 40 * 101, "OK", false],
      ["ECC1", "", 0, "SV122", true],
      ["ECC10", "", 0, "SV122", true],
    ]);
  });

  it("SV Scores says, above its table, that the scores are incomplete and why", async () => {
    const { fake } = await anEssexWorkbook();
    expect(String(fake.inspect.value(`'${SHEETS.scores}'!A2`))).toMatch(/^Incomplete: 3 commitments count £0 because their measures have no proxy value/);
  });

  it("Scores names the same measures, and the £0 bids are worth £0 because of them", async () => {
    const { run } = await anEssexWorkbook();
    const view = await readScores(run);
    expect(view.missingProxies.filter((m) => m.commitments > 0).map((m) => m.ref)).toEqual(["ECC1", "ECC10"]);
    expect(view.bidders.map((b) => [b.bidder, b.value])).toEqual([
      ["Acme Care", 40 * 101],
      ["Birch Homes", 0],
    ]);
  });
});

describe("Essex once the council's table is imported (Update, with proxies)", () => {
  it("the messages are gone and every commitment has a value", async () => {
    const { fake, run } = await anEssexWorkbook();
    const preview = await previewMeasureTableImport(run, councilTable, "update");
    expect(preview.proxyChanges.map((c) => c.ref)).toEqual(expect.arrayContaining(["ECC1", "ECC10"]));
    await applyMeasureTableImport(run, preview);

    const validation = await createValidateActions(run).validate();
    expect(validation.missingProxies).toEqual([]);
    expect(validation.findings.filter((f) => f.code === "SV122")).toEqual([]);
    expect(commitmentColumns(fake).map((r) => [r.ref, r.value, r.check])).toEqual([
      ["ECC1", 3 * 28_000, "OK"],
      ["ECC39", 40 * 101, "OK"],
      ["ECC1", 2 * 28_000, "OK"],
      ["ECC10", 26 * 250, "OK"],
    ]);

    expect(fake.inspect.value(`'${SHEETS.scores}'!A2`)).toBe("");
    const scores = await readScores(run);
    expect(scores.missingProxies).toEqual([]);
    expect(scores.bidders.map((b) => [b.bidder, b.value])).toEqual([
      ["Acme Care", 3 * 28_000 + 40 * 101],
      ["Birch Homes", 2 * 28_000 + 26 * 250],
    ]);
    expect(scores.bidders.every((b) => (b.score ?? 0) > 0)).toBe(true);
  });
});
