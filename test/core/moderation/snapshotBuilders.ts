/** A moderation snapshot built by hand, as readSnapshot.ts would give it: for the pure decisions' tests. */
import { SHEETS, TABLES, type SettingKey } from "../../../src/core/shared/layout";
import type { ModerationSnapshot, TableData, TableKey } from "../../../src/core/moderation/snapshot";

const SHEET_OF: Partial<Record<TableKey, string>> = {
  marks: SHEETS.marks,
  consensus: SHEETS.moderation,
  criteria: SHEETS.criteria,
  scores: SHEETS.scores,
  answers: SHEETS.answers,
};

/** A table whose header is on row 3 (as Set up writes them) and body from row 4, column A. */
export function aTable(key: TableKey, headers: string[], rows: unknown[][], sheetLastUsedRow = 3 + rows.length): TableData {
  return { name: TABLES[key], sheet: SHEET_OF[key] ?? key, headers, rows, firstRow: 4, firstColumn: 1, headerRow: 3, sheetLastUsedRow };
}

const SETTINGS: Partial<Record<SettingKey, unknown>> = {
  evaluators: "Ann, Ben",
  scale: "0, 1, 2, 3, 4, 5",
  rollUp: "consensus",
  moderationThreshold: 1,
  blindMarking: "No",
  moderationOpen: "No",
};

export function aSnapshot(overrides: { settings?: Partial<Record<SettingKey, unknown>>; tables?: Partial<Record<TableKey, TableData>>; rollUpFixed?: ModerationSnapshot["rollUpFixed"] } = {}): ModerationSnapshot {
  const values = { ...SETTINGS, ...overrides.settings };
  const settings = Object.fromEntries(
    (Object.keys(values) as SettingKey[]).map((key, i) => [key, { value: values[key], sheet: SHEETS.setup, row: 3 + i, column: 2 }])
  ) as ModerationSnapshot["settings"];
  return {
    settings,
    tables: {
      criteria: aTable("criteria", ["Id", "Criterion", "Guidance", "Weight"], [["Q1", "Local training", "", 1]]),
      scores: aTable("scores", ["Bidder"], [["Acme Ltd"], ["Birch Homes"]]),
      ...overrides.tables,
    },
    sheets: new Map([[SHEETS.marks, { visibility: "Visible", protected: false }]]),
    rollUpFixed: overrides.rollUpFixed ?? { rollUp: "consensus", at: "2026-12-01T09:00:00.000Z" },
    syncs: 0,
  };
}

export const MARK_HEADERS = ["Evaluator", "Bidder", "Criterion", "Mark", "Comment", "Updated"];
export const CONSENSUS_HEADERS = ["Bidder", "Criterion", "Marks", "Min", "Max", "Spread", "Flag", "Consensus", "Rationale", "AgreedBy", "AgreedAt", "Mark", "Points", "Status"];
