/**
 * The tender's settings as SV Setup holds them, read cell by cell for the pane to show (and to
 * fill the Set up form from). SV Setup is an ordinary sheet: anyone may retype a cell, a row may
 * be deleted, and a workbook made by an earlier version lacks the rows added since (the VAT
 * basis, when the procurement began, the buyer). So nothing here throws: each cell that cannot
 * be read leaves its setting out and gives one problem naming the cell and saying what to type;
 * a row the workbook never had is simply absent.
 */
import { SETTING_NAMES, type SettingKey } from "../shared/layout";
import { columnLetter } from "../shared/addresses";
import { cellError, describeCell, isBlank, readQuantity, readText } from "../shared/cells";
import { parseRollUp, parseScale } from "../moderation/panel";
import { uniqueNames } from "../moderation/snapshot";
import { BUYERS, CATEGORIES, SCORING_METHODS, VAT_BASES, type Buyer, type Category, type RollUp, type Scale, type ScoringMethod, type VatBasis } from "./tenderTerms";

/** A setting cell as read: its value and, when known, where it is. */
export interface SheetCell {
  readonly value: unknown;
  readonly sheet?: string;
  /** 1-based. */
  readonly row?: number;
  readonly column?: number;
}

export interface SheetSettings {
  contractName?: string;
  /** £, on the VAT basis of `vatBasis`. */
  contractValue?: number;
  vatBasis?: VatBasis;
  /** ISO date (yyyy-mm-dd). */
  procurementStart?: string;
  buyer?: Buyer;
  category?: Category;
  durationMonths?: number;
  /** 0.1 = 10%. */
  weighting?: number;
  maxPoints?: number;
  quantitativeShare?: number;
  method?: ScoringMethod;
  /** 0.25 = 25p per £1. */
  targetReturn?: number;
  /** £: contract value × target return, as SV_Target calculates it. */
  target?: number;
  scale?: Scale;
  passMark?: number;
  evaluators: string[];
  rollUp?: RollUp;
  moderationThreshold?: number;
  requireBothParts?: boolean;
  /** The framework's name as SV_Framework shows it. */
  frameworkName?: string;
  outcomesInScope: string[];
  /** The threshold verdict written at insert (SV_Threshold). */
  thresholdVerdict?: string;
  tenderId?: string;
  blindMarking?: boolean;
  moderationOpen?: boolean;
  /** The tender documents said marks would be averaged (SV_TenderSaysAveraged). */
  tenderSaysAveraged?: boolean;
}

export interface SheetSettingProblem {
  readonly key: SettingKey;
  /** The cell's name, e.g. SV_ContractValue. */
  readonly name: string;
  /** Where it is, e.g. 'SV Setup'!B4, when known. */
  readonly cell?: string;
  readonly message: string;
}

/** The settings the rest of the evaluation cannot do without: missing or blank is a problem. */
const REQUIRED: ReadonlySet<SettingKey> = new Set<SettingKey>([
  "contractName",
  "contractValue",
  "category",
  "weighting",
  "maxPoints",
  "quantitativeShare",
  "method",
  "scale",
  "framework",
]);

/** The labels SV Setup shows beside each cell, so a message names the row the user sees. */
const LABELS: Partial<Record<SettingKey, string>> = {
  contractName: "Contract",
  contractValue: "Contract value",
  vatBasis: "VAT in the contract value",
  procurementStart: "Procurement began",
  buyer: "Buyer",
  category: "Category",
  durationMonths: "Duration (months)",
  weighting: "Social value weighting",
  maxPoints: "Social value points",
  quantitativeShare: "Share for commitments",
  method: "Scoring method",
  targetReturn: "Target return",
  target: "Target (£)",
  scale: "Qualitative scale",
  passMark: "Pass mark",
  evaluators: "Evaluators",
  rollUp: "Roll-up of marks",
  moderationThreshold: "Moderation threshold",
  requireBothParts: "Both parts required",
  framework: "Framework",
  outcomesInScope: "Outcomes in scope",
  threshold: "Threshold verdict",
  tenderId: "Tender id",
  blindMarking: "Blind marking",
  moderationOpen: "Moderation open",
  tenderSaysAveraged: "Tender says marks are averaged",
};

/** Excel's day 0 for serial dates (1900 date system, as Excel on Windows and the web use). */
const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);
const DAY_MS = 86_400_000;

type Read<T> = { ok: true; value: T } | { ok: false; fix: string };
const ok = <T>(value: T): Read<T> => ({ ok: true, value });
const fail = (fix: string): Read<never> => ({ ok: false, fix });

function where(cell: SheetCell): string | undefined {
  if (cell.sheet === undefined || cell.row === undefined || cell.column === undefined) return undefined;
  const sheet = /^[A-Za-z0-9_]+$/.test(cell.sheet) ? cell.sheet : `'${cell.sheet.replace(/'/g, "''")}'`;
  return `${sheet}!${columnLetter(cell.column)}${cell.row}`;
}

function money(value: unknown): Read<number> {
  const q = readQuantity(value);
  if (q.kind === "number" && q.value > 0) return ok(q.value);
  return fail("type the amount in pounds, more than £0, e.g. 1500000");
}

/** A share held as a fraction (0.1 for 10%, as a % formatted cell stores it), or "10%" typed as text. */
function fraction(value: unknown, example: string): Read<number> {
  const text = typeof value === "string" ? value.trim() : undefined;
  const q = readQuantity(value);
  if (q.kind !== "number" || q.value < 0) return fail(`type a percentage, e.g. ${example}`);
  const share = text !== undefined && text.endsWith("%") ? q.value / 100 : q.value;
  if (share > 1) return fail(`that reads as ${Math.round(share * 100)}%: type ${example} (with the % sign)`);
  return ok(share);
}

function nonNegative(value: unknown, fix: string, positive = false): Read<number> {
  const q = readQuantity(value);
  if (q.kind === "number" && (positive ? q.value > 0 : q.value >= 0)) return ok(q.value);
  return fail(fix);
}

function oneOf<T extends string>(value: unknown, allowed: readonly T[], aliases: Readonly<Record<string, T>> = {}): Read<T> {
  const text = (readText(value) ?? "").trim().toLowerCase();
  const found = (allowed as readonly string[]).includes(text) ? (text as T) : aliases[text];
  return found !== undefined ? ok(found) : fail(`choose one of ${allowed.join(", ")}`);
}

function yesNo(value: unknown): Read<boolean> {
  if (typeof value === "boolean") return ok(value);
  const text = (readText(value) ?? "").toLowerCase();
  if (["yes", "y", "true"].includes(text)) return ok(true);
  if (["no", "n", "false"].includes(text)) return ok(false);
  return fail("choose Yes or No");
}

/** yyyy-mm-dd, a UK dd/mm/yyyy, or an Excel date (a serial number) → yyyy-mm-dd. */
function isoDate(value: unknown): Read<string> {
  const fix = "type the date as yyyy-mm-dd, e.g. 2025-03-01";
  if (typeof value === "number") {
    if (!Number.isInteger(value) || value < 1 || value > 2_958_465) return fail(fix);
    return ok(new Date(EXCEL_EPOCH_MS + value * DAY_MS).toISOString().slice(0, 10));
  }
  const text = readText(value) ?? "";
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(text);
  const uk = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(text);
  const [y, m, d] = iso ? [iso[1], iso[2], iso[3]] : uk ? [uk[3], uk[2], uk[1]] : [];
  if (y === undefined || m === undefined || d === undefined) return fail(fix);
  const date = new Date(Date.UTC(Number(y), Number(m) - 1, Number(d)));
  // 2025-02-30 rolls over into March: refused rather than moved.
  if (date.getUTCFullYear() !== Number(y) || date.getUTCMonth() !== Number(m) - 1 || date.getUTCDate() !== Number(d)) return fail(fix);
  return ok(date.toISOString().slice(0, 10));
}

/** A date cell of SV Setup as yyyy-mm-dd, however it was typed (ISO, dd/mm/yyyy, an Excel date); undefined when it is not a date. */
export function sheetDate(value: unknown): string | undefined {
  const read = isoDate(value);
  return read.ok ? read.value : undefined;
}

function listOf(value: unknown): string[] {
  return uniqueNames((readText(value) ?? "").split(/[,;\n]/));
}

/**
 * Reads SV Setup's setting cells (by key; a key absent means the workbook has no cell by that
 * name). Returns what could be read, and one problem per cell that could not.
 */
export function settingsFromSheet(cells: Readonly<Partial<Record<SettingKey, SheetCell>>>): { settings: SheetSettings; problems: SheetSettingProblem[] } {
  const problems: SheetSettingProblem[] = [];
  const settings: SheetSettings = { evaluators: [], outcomesInScope: [] };

  /** The cell's value when there is one to read; a problem when a required one is missing. */
  const present = (key: SettingKey): { cell: SheetCell } | undefined => {
    const cell = cells[key];
    const label = LABELS[key] ?? key;
    if (cell === undefined) {
      if (REQUIRED.has(key)) problems.push({ key, name: SETTING_NAMES[key], message: `SV Setup has no cell named ${SETTING_NAMES[key]} (${label}): the row may have been deleted. Insert the evaluation again in a copy, or define the name on the row's value cell.` });
      return undefined;
    }
    const shows = cellError(cell.value);
    if (shows !== undefined) {
      problems.push(problem(key, cell, `shows the error ${shows}`));
      return undefined;
    }
    if (isBlank(cell.value)) {
      if (REQUIRED.has(key)) problems.push(problem(key, cell, "is blank"));
      return undefined;
    }
    return { cell };
  };

  const problem = (key: SettingKey, cell: SheetCell, what: string, fix?: string): SheetSettingProblem => {
    const at = where(cell);
    const label = LABELS[key] ?? key;
    return {
      key,
      name: SETTING_NAMES[key],
      ...(at !== undefined ? { cell: at } : {}),
      message: `${label} (${SETTING_NAMES[key]}${at !== undefined ? `, ${at}` : ""}) ${what}${fix !== undefined ? `: ${fix}` : ""}.`,
    };
  };

  /** Reads one setting with `reader`, or records why it cannot. */
  const read = <T>(key: SettingKey, reader: (value: unknown) => Read<T>): T | undefined => {
    const found = present(key);
    if (found === undefined) return undefined;
    const result = reader(found.cell.value);
    if (result.ok) return result.value;
    problems.push(problem(key, found.cell, `holds ${describeCell(found.cell.value)}`, result.fix));
    return undefined;
  };

  const text = (value: unknown): Read<string> => {
    const t = readText(value);
    return t !== undefined ? ok(t) : fail("type it as text");
  };

  const assign = <K extends keyof SheetSettings>(key: K, value: SheetSettings[K] | undefined): void => {
    if (value !== undefined) settings[key] = value;
  };

  assign("contractName", read("contractName", text));
  assign("contractValue", read("contractValue", money));
  assign("vatBasis", read("vatBasis", (v) => oneOf(v, VAT_BASES, { "excluding vat": "excluding" as VatBasis, "including vat": "including" as VatBasis })));
  assign("procurementStart", read("procurementStart", isoDate));
  assign("buyer", read("buyer", (v) => oneOf(v, BUYERS, { council: "sub-central" as Buyer, "central government": "central" as Buyer })));
  assign("category", read("category", (v) => oneOf(v, CATEGORIES)));
  assign("durationMonths", read("durationMonths", (v) => {
    const n = nonNegative(v, "type a whole number of months, e.g. 36", true);
    return n.ok && !Number.isInteger(n.value) ? fail("type a whole number of months, e.g. 36") : n;
  }));
  assign("weighting", read("weighting", (v) => fraction(v, "10%")));
  assign("maxPoints", read("maxPoints", (v) => nonNegative(v, "type the points available, more than 0, e.g. 10", true)));
  assign("quantitativeShare", read("quantitativeShare", (v) => fraction(v, "50%")));
  assign("method", read("method", (v) => oneOf(v, SCORING_METHODS)));
  assign("targetReturn", read("targetReturn", (v) => fraction(v, "25% for 25p per £1")));
  assign("target", read("target", (v) => nonNegative(v, "it is calculated: restore its formula, contract value × target return")));
  assign("scale", read("scale", (v) => {
    const scale = parseScale(v);
    return scale !== undefined ? ok(scale) : fail("write the marks evaluators may give, separated by commas, e.g. 0, 1, 2, 3, 4, 5");
  }));
  assign("passMark", read("passMark", (v) => nonNegative(v, "type a mark on the scale, or leave it blank")));
  assign("evaluators", read("evaluators", (v) => ok(listOf(v))));
  assign("rollUp", read("rollUp", (v) => {
    const rollUp = parseRollUp(v);
    return rollUp !== undefined ? ok(rollUp) : fail("choose consensus, average or median");
  }));
  assign("moderationThreshold", read("moderationThreshold", (v) => nonNegative(v, "type the spread of marks that must be discussed, e.g. 2")));
  assign("requireBothParts", read("requireBothParts", yesNo));
  assign("frameworkName", read("framework", text));
  assign("outcomesInScope", read("outcomesInScope", (v) => ok(listOf(v))));
  assign("thresholdVerdict", read("threshold", text));
  assign("tenderId", read("tenderId", text));
  assign("blindMarking", read("blindMarking", yesNo));
  assign("moderationOpen", read("moderationOpen", yesNo));
  assign("tenderSaysAveraged", read("tenderSaysAveraged", yesNo));
  // SV_Target is calculated from the contract value and the target return: when one of those
  // cannot be read, the target's error is that problem again, not another one to fix.
  const fromInputs = problems.some((p) => p.key === "contractValue" || p.key === "targetReturn");
  return { settings, problems: fromInputs ? problems.filter((p) => p.key !== "target") : problems };
}
