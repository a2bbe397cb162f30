/**
 * How the workbook features the playground exports and imports are spelt on each side: Office.js
 * (what the add-in writes and the test host keeps) and ExcelJS's model of the .xlsx file
 * (ECMA-376 part 1, §18.3.1 for data validation, conditional formatting and sheet protection).
 * Pure: no ExcelJS, no host, so both directions are tested in Node without a file.
 */

/** A rectangle of cells, 0-based. */
export interface Rect {
  row: number;
  col: number;
  rows: number;
  cols: number;
}

// ---- Addresses ---------------------------------------------------------------------------------

export function columnIndex(letters: string): number {
  return [...letters.toUpperCase()].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
}

export function columnName(index: number): string {
  let n = index + 1;
  let out = "";
  while (n > 0) {
    const r = (n - 1) % 26;
    out = String.fromCharCode(65 + r) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

/** "B4:C9", "$B$4" or "'SV Setup'!B4:C9" → rectangle; the sheet part is ignored. */
export function rectOf(address: string): Rect {
  const a1 = address.slice(address.lastIndexOf("!") + 1).replace(/\$/g, "");
  const [from = "A1", to = from] = a1.split(":");
  const parse = (ref: string): [number, number] => {
    const m = /^([A-Za-z]+)(\d+)$/.exec(ref);
    if (!m) throw new Error(`not a cell reference: ${ref}`);
    return [Number(m[2]) - 1, columnIndex(m[1] as string)];
  };
  const [r1, c1] = parse(from);
  const [r2, c2] = parse(to);
  return { row: Math.min(r1, r2), col: Math.min(c1, c2), rows: Math.abs(r2 - r1) + 1, cols: Math.abs(c2 - c1) + 1 };
}

export function a1(rect: Rect): string {
  const first = `${columnName(rect.col)}${rect.row + 1}`;
  return rect.rows === 1 && rect.cols === 1 ? first : `${first}:${columnName(rect.col + rect.cols - 1)}${rect.row + rect.rows}`;
}

/**
 * Cells (A1 addresses) → as few rectangles as a simple sweep finds: runs down each column, then
 * side-by-side runs with the same rows merged. ExcelJS reads a rule over "B4:B18" as fifteen
 * one-cell rules; this gives the range back, so the host keeps one rule, as Excel does.
 */
export function rectanglesOf(addresses: Iterable<string>): Rect[] {
  const byColumn = new Map<number, number[]>();
  for (const address of addresses) {
    const { row, col } = rectOf(address);
    byColumn.set(col, [...(byColumn.get(col) ?? []), row]);
  }
  const runs: Rect[] = [];
  for (const [col, rows] of [...byColumn].sort(([a], [b]) => a - b)) {
    const sorted = [...new Set(rows)].sort((a, b) => a - b);
    let start = sorted[0] as number;
    for (let i = 1; i <= sorted.length; i++) {
      const r = sorted[i];
      if (r !== undefined && r === (sorted[i - 1] as number) + 1) continue;
      runs.push({ row: start, col, rows: (sorted[i - 1] as number) - start + 1, cols: 1 });
      if (r !== undefined) start = r;
    }
  }
  const merged: Rect[] = [];
  for (const run of runs) {
    const left = merged.find((m) => m.row === run.row && m.rows === run.rows && m.col + m.cols === run.col);
    if (left) left.cols += 1;
    else merged.push({ ...run });
  }
  return merged;
}

// ---- Cell formats ------------------------------------------------------------------------------

/** The formats the host keeps for a cell, as Office.js spells them. */
export interface CellStyle {
  numberFormat: string;
  fill: string | null;
  bold: boolean;
  italic: boolean;
  fontColor: string;
  wrapText: boolean;
  horizontalAlignment: string;
  locked: boolean;
}

/** Excel's default cell format: what a cell has until something formats it. */
export const DEFAULT_STYLE: Readonly<CellStyle> = {
  numberFormat: "General",
  fill: null,
  bold: false,
  italic: false,
  fontColor: "#000000",
  wrapText: false,
  horizontalAlignment: "General",
  locked: true,
};

export function isDefaultStyle(style: CellStyle): boolean {
  return (Object.keys(DEFAULT_STYLE) as (keyof CellStyle)[]).every((k) => style[k] === DEFAULT_STYLE[k]);
}

/**
 * A cell's format with each property it never had set (still Excel's default) taken from
 * `from`: how a table column's format reaches a row the host appended without it (exportXlsx.ts).
 */
export function inheritUnset(own: CellStyle, from: CellStyle): CellStyle {
  const out = { ...own };
  for (const k of Object.keys(DEFAULT_STYLE) as (keyof CellStyle)[]) if (own[k] === DEFAULT_STYLE[k]) (out as Record<string, unknown>)[k] = from[k];
  return out;
}

/** Office.js HorizontalAlignment ↔ ST_HorizontalAlignment (§18.18.40). */
const ALIGNMENTS: Record<string, string> = {
  Left: "left",
  Center: "center",
  Right: "right",
  Fill: "fill",
  Justify: "justify",
  CenterAcrossSelection: "centerContinuous",
  Distributed: "distributed",
};

const argb = (hex: string): string => `FF${hex.replace("#", "").toUpperCase()}`;
const hexOf = (value: unknown): string | undefined => (typeof value === "string" && /^[0-9A-Fa-f]{8}$/.test(value) ? `#${value.slice(2).toUpperCase()}` : undefined);

/** ExcelJS's style object (the parts used here). */
export interface FileStyle {
  numFmt?: string;
  fill?: { type: "pattern"; pattern: "solid"; fgColor?: { argb?: string }; bgColor?: { argb?: string } };
  font?: { bold?: boolean; italic?: boolean; color?: { argb?: string } };
  alignment?: { wrapText?: boolean; horizontal?: string };
  protection?: { locked?: boolean };
}

/** A host cell's format as an ExcelJS style: only what differs from the default is written. */
export function fileStyle(style: CellStyle): FileStyle {
  const out: FileStyle = {};
  if (style.numberFormat !== "General") out.numFmt = style.numberFormat;
  if (style.fill) out.fill = { type: "pattern", pattern: "solid", fgColor: { argb: argb(style.fill) } };
  if (style.bold || style.italic || style.fontColor !== DEFAULT_STYLE.fontColor) {
    out.font = { ...(style.bold ? { bold: true } : {}), ...(style.italic ? { italic: true } : {}), ...(style.fontColor !== DEFAULT_STYLE.fontColor ? { color: { argb: argb(style.fontColor) } } : {}) };
  }
  const horizontal = ALIGNMENTS[style.horizontalAlignment];
  if (style.wrapText || horizontal) out.alignment = { ...(style.wrapText ? { wrapText: true } : {}), ...(horizontal ? { horizontal } : {}) };
  if (!style.locked) out.protection = { locked: false };
  return out;
}

/**
 * An ExcelJS style read from a file as the host's format. A colour given as a theme index (no
 * ARGB) is dropped: the host keeps only "#RRGGBB", and the theme's palette is not read.
 */
export function hostStyle(style: FileStyle | undefined): CellStyle {
  const s = style ?? {};
  const fill = s.fill?.pattern === "solid" ? hexOf(s.fill.fgColor?.argb) : undefined;
  const alignment = Object.entries(ALIGNMENTS).find(([, file]) => file === s.alignment?.horizontal)?.[0];
  return {
    numberFormat: s.numFmt ?? DEFAULT_STYLE.numberFormat,
    fill: fill ?? null,
    bold: s.font?.bold === true,
    italic: s.font?.italic === true,
    fontColor: hexOf(s.font?.color?.argb) ?? DEFAULT_STYLE.fontColor,
    wrapText: s.alignment?.wrapText === true,
    horizontalAlignment: alignment ?? DEFAULT_STYLE.horizontalAlignment,
    locked: s.protection?.locked !== false,
  };
}

// ---- Data validation ---------------------------------------------------------------------------

/** Office.js DataValidationRule keys ↔ ST_DataValidationType (§18.18.21). */
const VALIDATION_TYPES: Record<string, string> = { wholeNumber: "whole", decimal: "decimal", date: "date", time: "time", textLength: "textLength", list: "list", custom: "custom" };

/** Office.js DataValidationOperator ↔ ST_DataValidationOperator (§18.18.22). */
const VALIDATION_OPERATORS: Record<string, string> = {
  Between: "between",
  NotBetween: "notBetween",
  EqualTo: "equal",
  NotEqualTo: "notEqual",
  GreaterThan: "greaterThan",
  LessThan: "lessThan",
  GreaterThanOrEqualTo: "greaterThanOrEqual",
  LessThanOrEqualTo: "lessThanOrEqual",
};

const ERROR_STYLES: Record<string, string> = { Stop: "stop", Warning: "warning", Information: "information" };

/** A validation as the host keeps it (inspect.validations) and as Office.js sets it. */
export interface HostValidation {
  rule: Record<string, unknown>;
  errorAlert?: Record<string, unknown>;
  prompt?: Record<string, unknown>;
  ignoreBlanks?: boolean;
}

/** ExcelJS's DataValidation model. */
export interface FileValidation {
  type: string;
  formulae?: (string | number)[];
  operator?: string;
  allowBlank?: boolean;
  showErrorMessage?: boolean;
  errorStyle?: string;
  errorTitle?: string;
  error?: string;
  showInputMessage?: boolean;
  promptTitle?: string;
  prompt?: string;
}

const invert = (map: Record<string, string>): Record<string, string> => Object.fromEntries(Object.entries(map).map(([k, v]) => [v, k]));

/** A formula as a file stores it: no leading "="; a number stays a number. */
const fileFormulaOf = (value: unknown): string | number => (typeof value === "number" ? value : String(value ?? "").replace(/^=/, ""));
/** A number from the file stays a number, anything else becomes a formula again. */
const hostFormulaOf = (value: string | number | undefined): string | number => (typeof value === "number" && Number.isFinite(value) ? value : `=${String(value ?? "")}`);

/** The host's validation as an ExcelJS one, or undefined for a rule type a file cannot hold. */
export function fileValidation(v: HostValidation): FileValidation | undefined {
  const [key, body] = Object.entries(v.rule)[0] ?? [];
  const type = key !== undefined ? VALIDATION_TYPES[key] : undefined;
  if (type === undefined || body === null || typeof body !== "object") return undefined;
  const b = body as Record<string, unknown>;
  const out: FileValidation = { type, allowBlank: v.ignoreBlanks ?? true };
  if (type === "list") {
    const source = String(b.source ?? "");
    // A literal list is quoted in the file; a reference or name ("=SV_MeasureRefs") is a formula.
    out.formulae = [source.startsWith("=") ? source.slice(1) : `"${source}"`];
  } else if (type === "custom") out.formulae = [fileFormulaOf(b.formula)];
  else {
    out.operator = VALIDATION_OPERATORS[String(b.operator)] ?? "between";
    out.formulae = [fileFormulaOf(b.formula1), ...(b.formula2 !== undefined ? [fileFormulaOf(b.formula2)] : [])];
  }
  const alert = v.errorAlert;
  if (alert) {
    out.showErrorMessage = alert.showAlert !== false;
    out.errorStyle = ERROR_STYLES[String(alert.style)] ?? "stop";
    if (alert.title) out.errorTitle = String(alert.title);
    if (alert.message) out.error = String(alert.message);
  }
  const prompt = v.prompt;
  if (prompt) {
    out.showInputMessage = prompt.showPrompt !== false;
    if (prompt.title) out.promptTitle = String(prompt.title);
    if (prompt.message) out.prompt = String(prompt.message);
  }
  return out;
}

/** An ExcelJS validation read from a file as Office.js sets it, or undefined for "any value". */
export function hostValidation(f: FileValidation): HostValidation | undefined {
  const key = invert(VALIDATION_TYPES)[f.type];
  if (key === undefined) return undefined;
  const [first, second] = f.formulae ?? [];
  let body: Record<string, unknown>;
  if (key === "list") {
    const text = String(first ?? "");
    const literal = /^"(.*)"$/s.exec(text);
    body = { inCellDropDown: true, source: literal ? (literal[1] as string).replace(/""/g, '"') : `=${text}` };
  } else if (key === "custom") body = { formula: hostFormulaOf(first) };
  else {
    body = { operator: invert(VALIDATION_OPERATORS)[f.operator ?? "between"] ?? "Between", formula1: hostFormulaOf(first) };
    if (second !== undefined) body.formula2 = hostFormulaOf(second);
  }
  const out: HostValidation = { rule: { [key]: body }, ignoreBlanks: f.allowBlank === true };
  if (f.showErrorMessage !== undefined || f.error !== undefined || f.errorTitle !== undefined) {
    out.errorAlert = {
      showAlert: f.showErrorMessage === true,
      style: invert(ERROR_STYLES)[f.errorStyle ?? "stop"] ?? "Stop",
      title: f.errorTitle ?? "",
      message: f.error ?? "",
    };
  }
  if (f.showInputMessage !== undefined || f.prompt !== undefined || f.promptTitle !== undefined) {
    out.prompt = { showPrompt: f.showInputMessage === true, title: f.promptTitle ?? "", message: f.prompt ?? "" };
  }
  return out;
}

// ---- Conditional formats -----------------------------------------------------------------------

/** Office.js ConditionalCellValueOperator ↔ ST_ConditionalFormattingOperator (§18.18.15). */
const CF_OPERATORS: Record<string, string> = {
  Between: "between",
  NotBetween: "notBetween",
  EqualTo: "equal",
  NotEqualTo: "notEqual",
  GreaterThan: "greaterThan",
  LessThan: "lessThan",
  GreaterThanOrEqual: "greaterThanOrEqual",
  LessThanOrEqual: "lessThanOrEqual",
};

/** A conditional format as the host keeps it (inspect.conditionalFormats). */
export interface HostConditionalFormat {
  address: string;
  type: string;
  rule: Record<string, unknown>;
  format: { fillColor?: string; fontColor?: string; fontBold?: boolean };
}

/** ExcelJS's conditional-formatting rule (the kinds used here). */
export interface FileConditionalRule {
  type: string;
  operator?: string;
  formulae?: string[];
  priority?: number;
  style?: FileStyle;
}

/** The host's "Custom" and "CellValue" formats as ExcelJS rules; undefined for other kinds. */
export function fileConditionalRule(cf: HostConditionalFormat, priority: number): FileConditionalRule | undefined {
  const style: FileStyle = {};
  // A differential format's solid fill is its background colour (§18.8.32), unlike a cell's.
  if (cf.format.fillColor) style.fill = { type: "pattern", pattern: "solid", bgColor: { argb: argb(cf.format.fillColor) } };
  if (cf.format.fontColor || cf.format.fontBold) style.font = { ...(cf.format.fontBold ? { bold: true } : {}), ...(cf.format.fontColor ? { color: { argb: argb(cf.format.fontColor) } } : {}) };
  if (cf.type === "Custom") return { type: "expression", formulae: [String(fileFormulaOf(cf.rule.formula))], priority, style };
  if (cf.type === "CellValue") {
    const formulae = [cf.rule.formula1, cf.rule.formula2].filter((f) => f !== undefined).map((f) => String(fileFormulaOf(f)));
    return { type: "cellIs", operator: CF_OPERATORS[String(cf.rule.operator)] ?? "equal", formulae, priority, style };
  }
  return undefined;
}

/** An ExcelJS rule read from a file as the host's format; undefined for kinds the host lacks. */
export function hostConditionalFormat(address: string, rule: FileConditionalRule): HostConditionalFormat | undefined {
  const s = rule.style ?? {};
  // Files written by Excel put a differential solid fill in bgColor; some writers use fgColor.
  const fillColor = hexOf(s.fill?.bgColor?.argb) ?? hexOf(s.fill?.fgColor?.argb);
  const fontColor = hexOf(s.font?.color?.argb);
  const format = { ...(fillColor ? { fillColor } : {}), ...(fontColor ? { fontColor } : {}), ...(s.font?.bold ? { fontBold: true } : {}) };
  const formulae = (rule.formulae ?? []).map((f) => `=${String(f)}`);
  if (rule.type === "expression") return { address, type: "Custom", rule: { formula: formulae[0] ?? "=FALSE" }, format };
  if (rule.type === "cellIs") {
    const operator = invert(CF_OPERATORS)[rule.operator ?? "equal"] ?? "EqualTo";
    return { address, type: "CellValue", rule: { formula1: formulae[0] ?? "=0", ...(formulae[1] !== undefined ? { formula2: formulae[1] } : {}), operator }, format };
  }
  return undefined;
}

// ---- Sheet protection --------------------------------------------------------------------------

/**
 * Office.js WorksheetProtectionOptions ↔ ExcelJS's protection model, whose flags (like Office.js)
 * say what stays allowed; ExcelJS writes the file's inverted attributes (formatColumns="0").
 */
const PROTECTION_OPTIONS: Record<string, string> = {
  allowFormatCells: "formatCells",
  allowFormatColumns: "formatColumns",
  allowFormatRows: "formatRows",
  allowInsertColumns: "insertColumns",
  allowInsertRows: "insertRows",
  allowInsertHyperlinks: "insertHyperlinks",
  allowDeleteColumns: "deleteColumns",
  allowDeleteRows: "deleteRows",
  allowSort: "sort",
  allowAutoFilter: "autoFilter",
  allowPivotTables: "pivotTables",
};

export function fileProtection(options: Record<string, unknown>): Record<string, boolean> {
  const out: Record<string, boolean> = {};
  for (const [office, file] of Object.entries(PROTECTION_OPTIONS)) if (options[office] === true) out[file] = true;
  if (options.selectionMode === "Unlocked") out.selectLockedCells = false;
  if (options.selectionMode === "None") Object.assign(out, { selectLockedCells: false, selectUnlockedCells: false });
  return out;
}

export function hostProtection(model: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [office, file] of Object.entries(PROTECTION_OPTIONS)) if (model[file] === true) out[office] = true;
  if (model.selectUnlockedCells === false) out.selectionMode = "None";
  else if (model.selectLockedCells === false) out.selectionMode = "Unlocked";
  return out;
}

// ---- Formulas ----------------------------------------------------------------------------------

/** A column name as the short this-row form needs it: bare when plain, else in brackets. */
const shortColumn = (column: string): string => (/^[A-Za-z0-9_]+$/.test(column) ? column : `[${column}]`);

/**
 * Structured references as Excel shows them in the formula bar, from the spelt-out form files
 * store (exportXlsx.ts `fileFormula` is the reverse): `T[[#This Row],[Col]]` is `[@Col]` inside
 * table T and `T[@Col]` elsewhere; `T[Col]` is `[Col]` inside T.
 */
function shortStructuredRefs(text: string, table: string | undefined): string {
  const own = (name: string): boolean => table !== undefined && name.toLowerCase() === table.toLowerCase();
  return text
    .replace(/([A-Za-z_\\][\w.\\]*)\[\[#This Row\],\[((?:[^[\]']|'.)*)\]\]/gi, (_, name: string, column: string) => `${own(name) ? "" : name}[@${shortColumn(column)}]`)
    .replace(/([A-Za-z_\\][\w.\\]*)\[((?:[^[\]#']|'.)(?:[^[\]']|'.)*)\]/g, (whole: string, name: string, column: string) => (own(name) ? `[${column}]` : whole));
}

/**
 * A formula from a file as typed into Excel. The prefixes Excel writes in files before newer
 * functions (`_xlfn.XLOOKUP`), worksheet functions (`_xlws.FILTER`) and LAMBDA parameters
 * (`_xlpm.x`) are not part of what a user types, and the host would not know them; structured
 * references take their short form. `table` is the table holding the cell, if any.
 */
export function typedFormula(fileFormula: string, table?: string): string {
  let out = "";
  let code = "";
  let i = 0;
  const flush = (): void => {
    out += shortStructuredRefs(code, table);
    code = "";
  };
  while (i < fileFormula.length) {
    const ch = fileFormula[i] as string;
    if (ch === '"') {
      const end = fileFormula.indexOf('"', i + 1);
      const stop = end < 0 ? fileFormula.length : end + 1;
      flush();
      out += fileFormula.slice(i, stop);
      i = stop;
    } else if (/^_xl(fn|ws|pm)\./i.test(fileFormula.slice(i, i + 6)) && !/[A-Za-z0-9_.]$/.test(out + code)) i += 6;
    else {
      code += ch;
      i++;
    }
  }
  flush();
  return `=${out}`;
}
