/**
 * HyperFormula knows A1 references and sheet names but not Excel tables or the workbook's defined
 * names, so before a formula reaches the engine the host rewrites those to absolute A1 ranges.
 * The text the add-in wrote is kept as it was for `Range.formulas`; only the engine sees this.
 *
 * Supported, as Excel spells them (names of tables, columns and defined names are case-insensitive):
 * - Defined names: `SV_ContractValue` → `'SV Setup'!$B$2` (a name whose formula is not a plain
 *   reference is inlined in parentheses). An unknown name is left alone, so the engine shows #NAME?,
 *   as Excel does.
 * - `Table[Column]`, `Table[[Column]]`, `Table` alone or `Table[]` (the data body),
 *   `Table[[Col1]:[Col2]]`, `Table[#All]`, `Table[#Data]`, `Table[#Headers]`,
 *   `Table[[#Headers],[Column]]`, `Table[[#Headers],[#Data],[Column]]`.
 * - This row: `Table[@Column]`, `Table[@[Column name]]`, `Table[[#This Row],[Column]]`, `Table[@]`,
 *   and the unqualified forms `[@Column]` / `[Column]` inside the table itself. Outside the table's
 *   data rows a this-row reference is #VALUE! (Excel's implicit intersection fails the same way).
 * - Column names escaped with an apostrophe (`'[`, `']`, `'#`, `''`).
 * - `Table[#Totals]`, `Table[[#Totals],[Column]]` when the table shows its total row; `#All`
 *   then takes it in too.
 * Not supported: sheet-scoped names, R1C1.
 */
import { formatA1, quoteSheet, type Rect } from "./addresses";

export interface TableShape {
  name: string;
  sheet: string;
  /** Row of the header, 0-based; data rows follow it. */
  headerRow: number;
  firstCol: number;
  dataRows: number;
  /** Whether a total row follows the data rows (Table.showTotals). */
  totalsRow?: boolean;
  columns: readonly string[];
}

export interface FormulaScope {
  table(name: string): TableShape | undefined;
  /** The table whose range holds this cell, for unqualified `[@Column]`. */
  tableAt(sheet: string, row: number, col: number): TableShape | undefined;
  /** A defined name's formula ("=..."), or undefined. */
  name(name: string): string | undefined;
}

export interface FormulaCell {
  sheet: string;
  row: number;
  col: number;
}

/** A structured reference that names a table or column that does not exist. */
export class FormulaReferenceError extends Error {}

type Token =
  | { kind: "text"; text: string }
  | { kind: "sheet"; name: string; text: string }
  | { kind: "name"; text: string }
  | { kind: "structured"; table?: string; spec: string; text: string };

const IDENT_START = /[A-Za-z_\\]/;
const IDENT_PART = /[A-Za-z0-9_.\\?]/;
const CELL_LIKE = /^[A-Za-z]{1,3}\d+$/;
const COLUMN_LIKE = /^[A-Za-z]{1,3}$/;

function tokenize(formula: string): Token[] {
  const tokens: Token[] = [];
  const f = formula;
  let i = 0;
  const push = (text: string): void => {
    const last = tokens[tokens.length - 1];
    if (last?.kind === "text") last.text += text;
    else tokens.push({ kind: "text", text });
  };
  while (i < f.length) {
    const ch = f[i] as string;
    if (ch === '"') {
      let j = i + 1;
      while (j < f.length && !(f[j] === '"' && f[j + 1] !== '"')) j += f[j] === '"' ? 2 : 1;
      push(f.slice(i, j + 1));
      i = j + 1;
    } else if (ch === "'") {
      let j = i + 1;
      let name = "";
      while (j < f.length && !(f[j] === "'" && f[j + 1] !== "'")) {
        name += f[j];
        j += f[j] === "'" ? 2 : 1;
      }
      if (f[j + 1] === "!") {
        tokens.push({ kind: "sheet", name, text: f.slice(i, j + 2) });
        i = j + 2;
      } else {
        push(f.slice(i, j + 1));
        i = j + 1;
      }
    } else if (ch === "[") {
      const end = closingBracket(f, i);
      tokens.push({ kind: "structured", spec: f.slice(i + 1, end), text: f.slice(i, end + 1) });
      i = end + 1;
    } else if (IDENT_START.test(ch)) {
      let j = i + 1;
      while (j < f.length && IDENT_PART.test(f[j] as string)) j++;
      const ident = f.slice(i, j);
      const next = f[j];
      const prev = tokens[tokens.length - 1];
      const afterSheet = prev?.kind === "sheet";
      const afterDollar = i > 0 && f[i - 1] === "$";
      if (next === "!") {
        tokens.push({ kind: "sheet", name: ident, text: f.slice(i, j + 1) });
        i = j + 1;
        continue;
      }
      if (next === "[") {
        const end = closingBracket(f, j);
        tokens.push({ kind: "structured", table: ident, spec: f.slice(j + 1, end), text: f.slice(i, end + 1) });
        i = end + 1;
        continue;
      }
      const isReference = CELL_LIKE.test(ident) || (COLUMN_LIKE.test(ident) && (next === ":" || next === "$" || f[i - 1] === ":"));
      if (next === "(" || afterSheet || afterDollar || isReference || next === "$") push(ident);
      else tokens.push({ kind: "name", text: ident });
      i = j;
    } else if (/[0-9.]/.test(ch)) {
      const m = /^(\d*\.?\d+|\d+\.)([eE][+-]?\d+)?/.exec(f.slice(i));
      const text = m ? m[0] : ch;
      push(text);
      i += text.length;
    } else {
      push(ch);
      i++;
    }
  }
  return tokens;
}

/** Index of the "]" that closes the "[" at `open`; an apostrophe escapes the next character. */
function closingBracket(f: string, open: number): number {
  let depth = 0;
  for (let i = open; i < f.length; i++) {
    const ch = f[i];
    if (ch === "'") i++;
    else if (ch === "[") depth++;
    else if (ch === "]" && --depth === 0) return i;
  }
  throw new FormulaReferenceError(`unbalanced "[" in ${f}`);
}

const PLAIN_REFERENCE = /^(('[^']*(''[^']*)*'|[A-Za-z_][\w.]*)!)?\$?[A-Za-z]{1,3}\$?\d+(:\$?[A-Za-z]{1,3}\$?\d+)?$/;

export interface TranslateOptions {
  /** Write a broken structured reference as #REF! instead of throwing (used when a table goes away). */
  brokenAsRef?: boolean;
}

/** The formula with names and structured references replaced by absolute A1 references. */
export function translateFormula(formula: string, cell: FormulaCell, scope: FormulaScope, options: TranslateOptions = {}, depth = 0): string {
  if (depth > 16) return "=#NAME?";
  let out = "";
  for (const token of tokenize(formula)) {
    if (token.kind === "text" || token.kind === "sheet") out += token.text;
    else if (token.kind === "name") {
      const defined = scope.name(token.text);
      if (defined === undefined) {
        // A table's name alone means its data body, as Table[] does.
        out += scope.table(token.text) ? structuredToA1({ kind: "structured", table: token.text, spec: "", text: token.text }, cell, scope) : token.text;
      } else {
        const body = translateFormula(defined, cell, scope, options, depth + 1).slice(1);
        out += PLAIN_REFERENCE.test(body) ? body : `(${body})`;
      }
    } else {
      try {
        out += structuredToA1(token, cell, scope);
      } catch (e) {
        if (!(e instanceof FormulaReferenceError) || !options.brokenAsRef) throw e;
        out += "#REF!";
      }
    }
  }
  return out;
}

/** The formula with every reference to sheet `from` renamed to `to`, as Excel does on a sheet rename. */
export function renameSheetInFormula(formula: string, from: string, to: string): string {
  return tokenize(formula)
    .map((t) => (t.kind === "sheet" && t.name.toLowerCase() === from.toLowerCase() ? `${quoteSheet(to)}!` : t.text))
    .join("");
}

/** The formula with structured references to table `from` naming table `to`, as Excel does on a table rename. */
export function renameTableInFormula(formula: string, from: string, to: string): string {
  return tokenize(formula)
    .map((t) => (t.kind === "structured" && t.table?.toLowerCase() === from.toLowerCase() ? `${to}[${t.spec}]` : t.text))
    .join("");
}

/** Whether the translation depends on tables or defined names, so must be redone when they change. */
export function usesTablesOrNames(formula: string): boolean {
  return tokenize(formula).some((t) => t.kind === "structured" || t.kind === "name");
}

/** Whether the formula refers to sheet `name` ("Sheet1!A1", "'SV Setup'!A1"). */
export function mentionsSheet(formula: string, name: string): boolean {
  return tokenize(formula).some((t) => t.kind === "sheet" && t.name.toLowerCase() === name.toLowerCase());
}

/** Whether text (without "=") is one plain A1 reference, optionally sheet-qualified. */
export function isPlainReference(text: string): boolean {
  return PLAIN_REFERENCE.test(text);
}

type RowPart = "#all" | "#data" | "#headers" | "#totals" | "#this row";
const ROW_PARTS: readonly string[] = ["#all", "#data", "#headers", "#totals", "#this row"];

function structuredToA1(token: Extract<Token, { kind: "structured" }>, cell: FormulaCell, scope: FormulaScope): string {
  const table = token.table === undefined ? scope.tableAt(cell.sheet, cell.row, cell.col) : scope.table(token.table);
  if (!table) {
    throw new FormulaReferenceError(token.table === undefined ? `${token.text} is not inside a table` : `there is no table named ${token.table}`);
  }
  const { rowParts, columns } = parseSpec(token.spec);
  const colIndex = (name: string): number => {
    const i = table.columns.findIndex((c) => c.toLowerCase() === name.toLowerCase());
    if (i < 0) throw new FormulaReferenceError(`table ${table.name} has no column "${name}"`);
    return i;
  };
  const [firstName, lastName = firstName] = columns;
  const first = firstName === undefined ? 0 : colIndex(firstName);
  const last = lastName === undefined ? table.columns.length - 1 : colIndex(lastName);

  const dataStart = table.headerRow + 1;
  let rows: { row: number; rows: number };
  const parts = new Set(rowParts.length ? rowParts : ["#data"]);
  const totals = table.totalsRow === true ? 1 : 0;
  if (parts.has("#totals") && totals === 0) throw new FormulaReferenceError(`table ${table.name} has no totals row`);
  if (parts.has("#totals")) rows = { row: dataStart + table.dataRows, rows: 1 };
  else if (parts.has("#this row")) {
    if (cell.row < dataStart || cell.row >= dataStart + table.dataRows) return "#VALUE!";
    rows = { row: cell.row, rows: 1 };
  } else if (parts.has("#all")) rows = { row: table.headerRow, rows: table.dataRows + 1 + totals };
  else if (parts.has("#headers") && parts.has("#data")) rows = { row: table.headerRow, rows: table.dataRows + 1 };
  else if (parts.has("#headers")) rows = { row: table.headerRow, rows: 1 };
  else rows = { row: dataStart, rows: table.dataRows };

  const rect: Rect = { ...rows, col: table.firstCol + Math.min(first, last), cols: Math.abs(last - first) + 1 };
  return `${quoteSheet(table.sheet)}!${formatA1(rect, true)}`;
}

/** The row parts ("#Data", "#This Row", …) and the one column or column span a specifier names. */
function parseSpec(spec: string): { rowParts: RowPart[]; columns: string[] } {
  const text = spec.trim();
  if (text === "") return { rowParts: [], columns: [] };
  if (text.startsWith("@")) {
    const rest = text.slice(1).trim();
    const inner = rest === "" ? { rowParts: [], columns: [] } : rest.startsWith("[") ? parseSpec(rest) : { rowParts: [], columns: [unescape(rest)] };
    return { rowParts: ["#this row"], columns: inner.columns };
  }
  if (!text.startsWith("[")) return single(text);
  const rowParts: RowPart[] = [];
  let columns: string[] = [];
  for (const item of splitTopLevel(text, ",")) {
    const span = splitTopLevel(item.trim(), ":").map((p) => stripBrackets(p.trim()));
    if (span.length === 1 && ROW_PARTS.includes((span[0] as string).toLowerCase())) rowParts.push((span[0] as string).toLowerCase() as RowPart);
    else columns = span.map(unescape);
  }
  return { rowParts, columns };
}

function single(text: string): { rowParts: RowPart[]; columns: string[] } {
  const lower = text.toLowerCase();
  return ROW_PARTS.includes(lower) ? { rowParts: [lower as RowPart], columns: [] } : { rowParts: [], columns: [unescape(text)] };
}

function stripBrackets(text: string): string {
  return text.startsWith("[") && text.endsWith("]") ? text.slice(1, -1) : text;
}

function unescape(name: string): string {
  return name.replace(/'(.)/g, "$1");
}

/** Splits at `sep` outside brackets, honouring apostrophe escapes. */
function splitTopLevel(text: string, sep: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === "'") i++;
    else if (ch === "[") depth++;
    else if (ch === "]") depth--;
    else if (ch === sep && depth === 0) {
      parts.push(text.slice(start, i));
      start = i + 1;
    }
  }
  parts.push(text.slice(start));
  return parts;
}
