import { createHash } from "node:crypto";
import fc from "fast-check";
import { canonicalRecord, diffRecords, parseRecord, recordFingerprint, sha256Hex, type EvaluationRecord } from "../../../src/core";

function aRecord(): EvaluationRecord {
  return {
    format: "sv-record/1",
    settings: [
      { name: "SV_MaxPoints", sheet: "SV Setup", row: 6, column: 2, value: 20 },
      { name: "SV_ContractValue", sheet: "SV Setup", row: 4, column: 2, value: 1_000_000 },
    ],
    tables: [
      {
        name: "SV_Marks",
        sheet: "SV Marks",
        headers: ["Evaluator", "Bidder", "Criterion", "Mark", "Comment", "Updated"],
        key: ["Evaluator", "Bidder", "Criterion"],
        firstRow: 4,
        firstColumn: 1,
        rows: [
          ["Alice", "Acme Ltd", "SV1", 3, "Clear plan", "2024-05-01T10:00:00.000Z"],
          ["Bob", "Acme Ltd", "SV1", 4, "", "2024-05-01T10:05:00.000Z"],
        ],
      },
    ],
  };
}

describe("the record's fingerprint", () => {
  it("is the SHA-256 of the canonical text, as any SHA-256 tool computes it", async () => {
    const text = canonicalRecord(aRecord());
    expect(await recordFingerprint(aRecord())).toBe(createHash("sha256").update(text, "utf8").digest("hex"));
    expect(await sha256Hex("é£€😀")).toBe(createHash("sha256").update("é£€😀", "utf8").digest("hex"));
  });

  it("does not depend on the order settings were read in", async () => {
    const a = aRecord();
    const b = { ...aRecord(), settings: [...aRecord().settings].reverse() };
    expect(await recordFingerprint(a)).toBe(await recordFingerprint(b));
  });

  it("canonicalises numbers to Excel's 15 digits and -0 to 0, but keeps strings exact", () => {
    const a = aRecord();
    const b = aRecord();
    (b.tables[0]!.rows[0] as unknown[])[3] = 3.0000000000000004;
    (a.tables[0]!.rows[1] as unknown[])[3] = -0;
    (b.tables[0]!.rows[1] as unknown[])[3] = 0;
    expect(canonicalRecord(a)).toBe(canonicalRecord(b));
    const c = aRecord();
    (c.tables[0]!.rows[0] as unknown[])[4] = "Clear plan ";
    expect(canonicalRecord(c)).not.toBe(canonicalRecord(aRecord()));
  });

  it("changes when any cell changes", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1 }), fc.integer({ min: 0, max: 5 }), fc.oneof(fc.string(), fc.double({ noNaN: true }), fc.boolean()), (r, c, value) => {
        const a = aRecord();
        const b = aRecord();
        const before = (b.tables[0]!.rows[r] as unknown[])[c];
        fc.pre(canonicalRecord({ ...a, tables: [{ ...a.tables[0]!, rows: [[value as never]] }] }) !== canonicalRecord({ ...a, tables: [{ ...a.tables[0]!, rows: [[before as never]] }] }));
        (b.tables[0]!.rows[r] as unknown[])[c] = value;
        expect(canonicalRecord(b)).not.toBe(canonicalRecord(a));
      })
    );
  });

  it("reads back the text it wrote, and refuses a cut or edited text without throwing", () => {
    const text = canonicalRecord(aRecord());
    const parsed = parseRecord(text);
    expect(parsed.ok && canonicalRecord(parsed.record)).toBe(text);
    expect(parseRecord(text.slice(0, -5)).ok).toBe(false);
    expect(parseRecord('{"format":"other"}').ok).toBe(false);
    fc.assert(fc.property(fc.string(), (s) => void parseRecord(s)));
  });
});

describe("what changed since sign-off", () => {
  it("names the sheet, the row, the column and the values before and after", () => {
    const now = aRecord();
    (now.tables[0]!.rows[0] as unknown[])[3] = 4;
    expect(diffRecords(aRecord(), now)).toEqual([
      { sheet: "SV Marks", cell: { row: 4, column: 4 }, message: "SV Marks, row 4 (Alice, Acme Ltd, SV1): Mark was 3, now 4.", before: 3, after: 4 },
    ]);
  });

  it("names a changed setting", () => {
    const now = aRecord();
    now.settings[1]!.value = 1_200_000;
    expect(diffRecords(aRecord(), now).map((d) => d.message)).toEqual(["SV Setup: ContractValue was 1000000, now 1200000."]);
  });

  it("matches rows by their key, so an added or removed row is one change", () => {
    const now = aRecord();
    now.tables[0]!.rows.unshift(["Cara", "Acme Ltd", "SV1", 2, "", ""]);
    const messages = diffRecords(aRecord(), now).map((d) => d.message);
    expect(messages).toContain("SV Marks: row 4 (Cara, Acme Ltd, SV1) was added after sign-off.");
    expect(messages.filter((m) => m.includes(" was ") && m.includes("now"))).toEqual([]);
    const fewer = aRecord();
    fewer.tables[0]!.rows.pop();
    expect(diffRecords(aRecord(), fewer).map((d) => d.message)).toEqual(["SV Marks: the row (Bob, Acme Ltd, SV1) that was row 5 when signed is gone."]);
  });

  it("gives the same hash for the same record read twice, whatever form the cells arrived in", async () => {
    const read = (cells: unknown[]): EvaluationRecord => {
      const r = aRecord();
      r.tables[0]!.rows = [["Alice", "Acme Ltd", "SV1", ...cells] as never];
      return r;
    };
    // 0.1 + 0.2 as JavaScript adds it and 0.3 as Excel shows it; a date as Excel's serial number;
    // a blank cell as null, undefined or "".
    const first = read([0.1 + 0.2, 45413, true, null]);
    const second = read([0.3, 45413, true, ""]);
    const third = read([0.30000000000000004, 45413.0, true, undefined]);
    const hash = await recordFingerprint(first);
    expect(await recordFingerprint(second)).toBe(hash);
    expect(await recordFingerprint(third)).toBe(hash);
    expect(await recordFingerprint(read([0.3, 45413, "TRUE", ""]))).not.toBe(hash);
    expect(await recordFingerprint(read([0.3, 45414, true, ""]))).not.toBe(hash);
  });

  it("says a setting moved when rows were inserted above it, with its value unchanged", () => {
    const moved = aRecord();
    moved.settings = moved.settings.map((s) => (s.name === "SV_MaxPoints" ? { ...s, row: 7 } : s));
    const [d] = diffRecords(aRecord(), moved);
    expect(d?.message).toBe("SV Setup: the setting MaxPoints moved from SV Setup row 6, column 2 to SV Setup row 7, column 2 (rows or columns were inserted or deleted, or the sheet was renamed); its value is unchanged.");
  });

  it("says a table's sheet was renamed", () => {
    const renamed = aRecord();
    renamed.tables[0] = { ...renamed.tables[0]!, sheet: "Marks (old)" };
    expect(diffRecords(aRecord(), renamed).map((d) => d.message)).toEqual(["Marks (old): the table SV_Marks was on the sheet “SV Marks” when signed; that sheet was renamed, or the table moved."]);
  });

  it("finds nothing between a record and itself", () => {
    expect(diffRecords(aRecord(), aRecord())).toEqual([]);
  });
});
