import { ESSEX, measureTableFromFramework, measuresWithoutProxy, validateCommitments, type MeasureEntry } from "../../../src/core";
import { aMeasure, aRow } from "../builders";

/** Essex with ECC1, ECC10 and ECC39 in scope: Essex publishes a proxy for ECC39 (£101 an expert hour) only. */
const essex = measureTableFromFramework(ESSEX, ["ECC1", "ECC10", "ECC39"]);

function missing(rows: Parameters<typeof validateCommitments>[0], table: readonly MeasureEntry[] = essex) {
  const { commitments } = validateCommitments(rows, table);
  return measuresWithoutProxy(table, commitments);
}

describe("measures in scope without a proxy value (SV205)", () => {
  it("names each Essex measure in scope that has no proxy, once, with the commitments and bidders that rely on it", () => {
    const found = missing([
      aRow({ row: 4, bidder: "Acme Care", ref: "ECC1", unit: "FTE", quantity: 3 }),
      aRow({ row: 5, bidder: "Birch Homes", ref: "ecc1", unit: "FTE", quantity: 2 }),
      aRow({ row: 6, bidder: "acme care ", ref: "ECC10", unit: "weeks", quantity: 26 }),
      aRow({ row: 7, bidder: "Birch Homes", ref: "ECC39", unit: "hours", quantity: 40 }),
    ]);
    expect(found.map((m) => [m.code, m.ref, m.commitments, m.bidders, m.rows])).toEqual([
      ["SV205", "ECC1", 2, ["Acme Care", "Birch Homes"], [4, 5]],
      ["SV205", "ECC10", 1, ["Acme Care"], [6]],
    ]);
    expect(found[0]?.message).toMatch(/^ECC1 \(.+\) is in scope but has no proxy value on SV Measures, so the 2 commitments to it \(by Acme Care and Birch Homes\) count £0\.$/);
    expect(found[1]?.message).toMatch(/the commitment to it \(by Acme Care\) counts £0/);
    expect(found[0]?.action).toMatch(/Import a measure table/);
  });

  it("names a measure no one has committed to yet, saying what would happen", () => {
    const [ecc1] = missing([]);
    expect(ecc1).toMatchObject({ ref: "ECC1", commitments: 0, bidders: [] });
    expect(ecc1?.message).toMatch(/any commitment to it would count £0/);
  });

  it("leaves out measures out of scope, record-only ones, and a proxy the council set at £0", () => {
    const table = [
      aMeasure({ ref: "OUT", proxy: null, inScope: false }),
      aMeasure({ ref: "REC", proxy: null, type: "Record", unit: "percent" }),
      aMeasure({ ref: "ZERO", proxy: 0 }),
    ];
    expect(missing([aRow({ ref: "ZERO" })], table)).toEqual([]);
  });

  it("is empty once the council's proxies are in", () => {
    const priced = essex.map((m) => (m.proxy === null && m.type !== "Record" ? { ...m, proxy: 25 } : m));
    expect(missing([aRow({ ref: "ECC1", unit: "FTE", quantity: 3 })], priced)).toEqual([]);
  });

  it("does not count rows validation refused (their errors say why)", () => {
    const [ecc1] = missing([aRow({ ref: "ECC1", unit: "weeks", quantity: 3 })]);
    expect(ecc1?.commitments).toBe(0);
  });
});
