/**
 * One ExcelJS cell as a plain value, never a formula: what a person saw in the cell when the
 * file was last saved. Anything made safe on the way is counted, so each file's report can say
 * it once ("3 cells held formulas; their saved results were read").
 */
import type { Cell, CellValue } from "exceljs";
import { MAX_TEXT_LENGTH } from "../core";
import { formatEffect } from "./numberFormats";

export type PlainValue = number | string | boolean | null;

type NoteKind = "formula" | "formula-no-result" | "formula-like-text" | "truncated" | "hyperlink" | "error" | "date" | "percent" | "number-text";

/** Numbers shown otherwise than they are held: each note names the cells (the first few). */
type PlacedKind = "not-finite" | "hidden" | "scaled" | "added-digits" | "percent-other-unit";

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

/** Cells named in one note; the count says how many more. */
const PLACES_SHOWN = 5;

const its = (n: number): string => (n === 1 ? "its" : "their");
const was = (n: number): string => (n === 1 ? "was" : "were");

const PLACED_TEXT: Record<PlacedKind, (n: number, places: string) => string> = {
  "not-finite": (n, places) =>
    `${plural(n, "cell holds", "cells hold")} a number no spreadsheet can show (infinite, or not a number at all) (${places}): read as the error #NUM!, which Validate reports. Ask the bidder to retype the figure.`,
  hidden: (n, places) =>
    `${plural(n, "number was", "numbers were")} hidden by ${its(n)} cell's format, which shows the cell empty or shows text instead (${places}): read as the number the cell holds. Check it with the bidder.`,
  scaled: (n, places) =>
    `${plural(n, "number was", "numbers were")} shown in thousands or millions by ${its(n)} cell's format (${places}; e.g. 40,000 shown as 40): read as the full number the cell holds.`,
  "added-digits": (n, places) =>
    `${plural(n, "number was", "numbers were")} shown with digits ${its(n)} cell's format adds (${places}; e.g. 40 shown as 40000): read as the number the cell holds. Check it with the bidder.`,
  "percent-other-unit": (n, places) =>
    `${plural(n, "quantity", "quantities")} on a measure not counted in % ${was(n)} shown with a % sign (${places}): read as the number the cell holds (a cell showing 50% that holds 0.5 reads as 0.5). Check with the bidder what they meant.`,
};

/** What was made safe while reading one file, counted by kind. */
export class ReadNotes {
  private readonly counts = new Map<NoteKind, number>();
  private readonly placed = new Map<PlacedKind, { count: number; places: string[] }>();
  private readonly extra: string[] = [];

  add(kind: NoteKind): void {
    this.counts.set(kind, (this.counts.get(kind) ?? 0) + 1);
  }

  /** A note about a number in one cell, e.g. "Commitments!F12". */
  addAt(kind: PlacedKind, place: string): void {
    const entry = this.placed.get(kind) ?? { count: 0, places: [] };
    entry.count++;
    if (entry.places.length < PLACES_SHOWN) entry.places.push(place);
    this.placed.set(kind, entry);
  }

  say(sentence: string): void {
    if (!this.extra.includes(sentence)) this.extra.push(sentence);
  }

  list(): string[] {
    const kinds = Object.keys(NOTE_TEXT) as NoteKind[];
    const placedKinds = Object.keys(PLACED_TEXT) as PlacedKind[];
    const placed = placedKinds.flatMap((k) => {
      const entry = this.placed.get(k);
      if (!entry) return [];
      const more = entry.count - entry.places.length;
      return [PLACED_TEXT[k](entry.count, entry.places.join(", ") + (more > 0 ? ` and ${plural(more, "other", "others")}` : ""))];
    });
    return [...this.extra, ...kinds.filter((k) => this.counts.has(k)).map((k) => NOTE_TEXT[k](this.counts.get(k) as number)), ...placed];
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
      // Infinite or NaN (a saved "INF", or a figure past a double's range) is left for readCell to refuse.
      return value;
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
  /** The cell holds a quantity: a % shown on a measure of another unit is noted. */
  quantity?: boolean;
}

/** A cell's place for a note: "Commitments!F12". */
function placeOf(cell: Cell): string {
  const sheet = cell.worksheet?.name;
  return sheet ? `${sheet}!${cell.address}` : cell.address;
}

/**
 * A number as the bidder saw it. A % measure's quantity is read on the form's 0–100 scale: a
 * genuine % format shows 0.4 as "40%", which is 40, while a % written as text beside the number
 * (`0"%"`, `0\%`) shows 40 as "40%", which is 40 already. Anything else the format does to the
 * figure shown (hiding it, scaling it to thousands, adding digits, a % on another unit) cannot be
 * undone with certainty, so the number held is read and the cell named in a note.
 */
function asShown(cell: Cell, value: number, options: ReadCellOptions, notes: ReadNotes): PlainValue {
  if (!Number.isFinite(value)) {
    notes.addAt("not-finite", placeOf(cell));
    return "#NUM!";
  }
  const effect = formatEffect(cell.numFmt, value);
  if (effect.hidden) notes.addAt("hidden", placeOf(cell));
  if (effect.thousands > 0) notes.addAt("scaled", placeOf(cell));
  if (effect.literalDigits) notes.addAt("added-digits", placeOf(cell));
  if (options.percentScale) {
    if (effect.percent === 0) return value;
    notes.add("percent");
    return Number((value * 100 ** effect.percent).toPrecision(12));
  }
  if (options.quantity && (effect.percent > 0 || effect.literalPercent) && !effect.hidden) notes.addAt("percent-other-unit", placeOf(cell));
  return value;
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
    if (typeof value === "number") value = asShown(cell, value, options, notes);
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
