/**
 * One ExcelJS cell as a plain value, never a formula: what a person saw in the cell when the
 * file was last saved. Anything made safe on the way is counted, so each file's report can say
 * it once ("3 cells held formulas; their saved results were read").
 */
import type { Cell, CellValue } from "exceljs";
import { MAX_TEXT_LENGTH } from "../core";

export type PlainValue = number | string | boolean | null;

type NoteKind = "formula" | "formula-no-result" | "formula-like-text" | "truncated" | "hyperlink" | "error" | "date" | "percent" | "number-text";

function plural(n: number, one: string, many: string): string {
  return `${n.toLocaleString("en-GB")} ${n === 1 ? one : many}`;
}

const NOTE_TEXT: Record<NoteKind, (n: number) => string> = {
  formula: (n) => `${plural(n, "cell held a formula", "cells held formulas")}: the saved result was read, and no formula was kept.`,
  "formula-no-result": (n) =>
    `${plural(n, "formula cell has", "formula cells have")} no saved result and ${n === 1 ? "was" : "were"} read as empty. If it matters, ask the bidder to open the file in Excel, save it and send it again.`,
  "formula-like-text": (n) => `${plural(n, "cell starts", "cells start")} with =, +, - or @: read as plain text, and never turned into a formula.`,
  truncated: (n) =>
    `${plural(n, "cell was", "cells were")} too long and cut short (answers at 32,767 characters, Excel's limit for one cell; names, refs and quantities at ${MAX_TEXT_LENGTH.toLocaleString("en-GB")}).`,
  hyperlink: (n) => `${plural(n, "link was", "links were")} read as ${n === 1 ? "its" : "their"} text; the addresses were ignored.`,
  error: (n) => `${plural(n, "cell shows", "cells show")} an Excel error (such as #N/A), read as that text.`,
  date: (n) => `${plural(n, "cell holds a date", "cells hold dates")}, read as text (e.g. 2026-03-31).`,
  percent: (n) => `${plural(n, "percentage was", "percentages were")} typed with a % sign (e.g. 40%) and read on the form's 0–100 scale (40).`,
  "number-text": (n) => `${plural(n, "number was", "numbers were")} typed as text (such as “1,200”, or “£5,000” for a £ measure) and read as the number.`,
};

/** What was made safe while reading one file, counted by kind. */
export class ReadNotes {
  private readonly counts = new Map<NoteKind, number>();
  private readonly extra: string[] = [];

  add(kind: NoteKind): void {
    this.counts.set(kind, (this.counts.get(kind) ?? 0) + 1);
  }

  say(sentence: string): void {
    if (!this.extra.includes(sentence)) this.extra.push(sentence);
  }

  list(): string[] {
    const kinds = Object.keys(NOTE_TEXT) as NoteKind[];
    return [...this.extra, ...kinds.filter((k) => this.counts.has(k)).map((k) => NOTE_TEXT[k](this.counts.get(k) as number))];
  }
}

const FORMULA_TRIGGERS = new Set(["=", "+", "-", "@"]);

/** A date as ISO text: the day alone at midnight, otherwise day and time to the minute. */
function isoDate(date: Date): string {
  if (Number.isNaN(date.getTime())) return "";
  const iso = date.toISOString();
  return iso.endsWith("T00:00:00.000Z") ? iso.slice(0, 10) : iso.slice(0, 16);
}

function text(value: string, maxLength: number, notes: ReadNotes): string | null {
  let t = value.trim();
  if (t.length === 0) return null;
  if (t.length > maxLength) {
    t = t.slice(0, maxLength);
    notes.add("truncated");
  }
  if (FORMULA_TRIGGERS.has(t[0] as string)) notes.add("formula-like-text");
  return t;
}

/** A value that is not a formula: primitives, dates, errors, rich text, hyperlinks. */
function plainOf(value: CellValue | undefined, maxLength: number, notes: ReadNotes): PlainValue {
  if (value === null || value === undefined) return null;
  switch (typeof value) {
    case "number":
      return Number.isFinite(value) ? value : null;
    case "string":
      return text(value, maxLength, notes);
    case "boolean":
      return value;
    default:
      break;
  }
  if (value instanceof Date) {
    notes.add("date");
    return isoDate(value) || null;
  }
  const o = value as unknown as Record<string, unknown>;
  if (typeof o.error === "string") {
    notes.add("error");
    return o.error;
  }
  if (Array.isArray(o.richText)) {
    return text((o.richText as { text?: unknown }[]).map((run) => (typeof run?.text === "string" ? run.text : "")).join(""), maxLength, notes);
  }
  if ("hyperlink" in o) {
    notes.add("hyperlink");
    const shown = o.text;
    if (typeof shown === "string") return text(shown, maxLength, notes);
    // Link text may itself be rich text.
    return plainOf(shown as CellValue, maxLength, notes);
  }
  return null;
}

export interface ReadCellOptions {
  maxLength?: number;
  /** The cell holds a % measure's quantity: a %-formatted 0.4 means 40 on the form's scale. */
  percentScale?: boolean;
}

/** The value a person saw in the cell; never throws. */
export function readCell(cell: Cell, notes: ReadNotes, options: ReadCellOptions = {}): PlainValue {
  const maxLength = options.maxLength ?? MAX_TEXT_LENGTH;
  let value: PlainValue;
  try {
    const raw = cell.value as CellValue | undefined;
    const isFormula = raw !== null && typeof raw === "object" && !(raw instanceof Date) && ("formula" in raw || "sharedFormula" in raw);
    if (isFormula) {
      notes.add("formula");
      // cell.value drops a cached result of 0, "" or false; cell.result keeps it.
      const result = cell.result as CellValue | undefined;
      if (result === undefined || result === null) {
        notes.add("formula-no-result");
        return null;
      }
      value = plainOf(result, maxLength, notes);
    } else {
      value = plainOf(raw, maxLength, notes);
    }
    if (options.percentScale && typeof value === "number" && typeof cell.numFmt === "string" && cell.numFmt.includes("%")) {
      notes.add("percent");
      value = Number((value * 100).toPrecision(12));
    }
  } catch {
    // A malformed cell model must not end the import: it reads as empty.
    return null;
  }
  return value;
}

/** Text for a text field: numbers and booleans as typed, blank as "". */
export function asText(value: PlainValue): string {
  if (value === null) return "";
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  return String(value);
}

/** A quantity field: a number, the text typed (the validator explains it), or null. */
export function asQuantity(value: PlainValue): number | string | null {
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  return value;
}
