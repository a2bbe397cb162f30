/**
 * One worksheet as the host holds it: everything but cell contents (which live in the formula
 * engine, see workbookModel.ts): formats, column widths, data validation, conditional formats,
 * protection and frozen panes.
 *
 * Formats are stored the way Excel stores them, in layers — whole sheet, whole columns, whole
 * rows, single cells — so formatting "A:A" does not mean a million cell records. A cell's
 * format is its cell layer over its row over its column over the sheet.
 */
import { MAX_COLUMNS, contains, intersection, isWholeColumns, isWholeRows, type Rect } from "./addresses";
import { excelError } from "./errors";

export interface CellFormat {
  numberFormat: string;
  /** null: no fill (reads back as "#FFFFFF", as Excel reports an unfilled cell). */
  fillColor: string | null;
  fontBold: boolean;
  fontItalic: boolean;
  fontColor: string;
  wrapText: boolean;
  horizontalAlignment: string;
  /** Excel's default: every cell is locked, which matters only once the sheet is protected. */
  locked: boolean;
}

export const DEFAULT_FORMAT: Readonly<CellFormat> = {
  numberFormat: "General",
  fillColor: null,
  fontBold: false,
  fontItalic: false,
  fontColor: "#000000",
  wrapText: false,
  horizontalAlignment: "General",
  locked: true,
};

/** Excel's standard column width: 8.43 characters, 64 px, 48 points (Office.js reports points). */
export const DEFAULT_COLUMN_WIDTH = 48;

export type FormatPatch = Partial<CellFormat>;

export const cellKey = (row: number, col: number): number => row * MAX_COLUMNS + col;
export const keyRow = (key: number): number => Math.floor(key / MAX_COLUMNS);
export const keyCol = (key: number): number => key % MAX_COLUMNS;

export class FormatLayers {
  private sheet: FormatPatch = {};
  private readonly columns = new Map<number, FormatPatch>();
  private readonly rows = new Map<number, FormatPatch>();
  readonly cells = new Map<number, FormatPatch>();

  at(row: number, col: number): CellFormat {
    return { ...DEFAULT_FORMAT, ...this.sheet, ...this.columns.get(col), ...this.rows.get(row), ...this.cells.get(cellKey(row, col)) };
  }

  apply(rect: Rect, patch: FormatPatch): void {
    const wholeCols = isWholeColumns(rect);
    const wholeRows = isWholeRows(rect);
    const merge = (map: Map<number, FormatPatch>, key: number): void => void map.set(key, { ...map.get(key), ...patch });
    if (wholeCols && wholeRows) {
      this.sheet = { ...this.sheet, ...patch };
      for (const map of [this.columns, this.rows, this.cells]) for (const key of map.keys()) merge(map, key);
    } else if (wholeCols) {
      for (let c = rect.col; c < rect.col + rect.cols; c++) {
        merge(this.columns, c);
        // A formatted row would otherwise win over the newer column format: Excel gives the
        // intersection its own cell format, and so does the host.
        for (const r of this.rows.keys()) merge(this.cells, cellKey(r, c));
      }
      for (const key of this.cells.keys()) if (contains(rect, keyRow(key), keyCol(key))) merge(this.cells, key);
    } else if (wholeRows) {
      for (let r = rect.row; r < rect.row + rect.rows; r++) merge(this.rows, r);
      for (const key of this.cells.keys()) if (contains(rect, keyRow(key), keyCol(key))) merge(this.cells, key);
    } else {
      for (let r = rect.row; r < rect.row + rect.rows; r++) for (let c = rect.col; c < rect.col + rect.cols; c++) merge(this.cells, cellKey(r, c));
    }
  }

  /** Back to the default format (Range.clear with Formats): drops the layers the range covers. */
  reset(rect: Rect): void {
    if (isWholeColumns(rect) && isWholeRows(rect)) {
      this.sheet = {};
      this.columns.clear();
      this.rows.clear();
      this.cells.clear();
      return;
    }
    if (isWholeColumns(rect)) for (let c = rect.col; c < rect.col + rect.cols; c++) this.columns.delete(c);
    if (isWholeRows(rect)) for (let r = rect.row; r < rect.row + rect.rows; r++) this.rows.delete(r);
    for (const key of [...this.cells.keys()]) if (contains(rect, keyRow(key), keyCol(key))) this.cells.delete(key);
  }

  /** Rows inserted or deleted: row and cell layers move with their rows (rowEdits.ts). */
  moveRows(shift: (row: number) => number | undefined): void {
    const rows = [...this.rows];
    this.rows.clear();
    for (const [row, patch] of rows) {
      const to = shift(row);
      if (to !== undefined) this.rows.set(to, patch);
    }
    const cells = [...this.cells];
    this.cells.clear();
    for (const [key, patch] of cells) {
      const to = shift(keyRow(key));
      if (to !== undefined) this.cells.set(cellKey(to, keyCol(key)), patch);
    }
  }

  /** Cells that carry a format of their own (the used range counts them). */
  formattedCells(): Iterable<number> {
    return this.cells.keys();
  }
}

export type DataValidationRule = Record<string, unknown>;

export interface ValidationEntry {
  rect: Rect;
  rule: DataValidationRule | null;
  errorAlert?: Record<string, unknown>;
  prompt?: Record<string, unknown>;
  ignoreBlanks?: boolean;
}

export interface ConditionalFormatModel {
  id: string;
  rect: Rect;
  type: string;
  stopIfTrue: boolean;
  /** The rule as set: { formula } for custom, { formula1, formula2?, operator } for cellValue. */
  rule: Record<string, unknown>;
  format: { fillColor?: string; fontColor?: string; fontBold?: boolean };
  /** Set once deleted or cleared, so a path to it finds nothing. */
  removed?: boolean;
}

export interface ProtectionState {
  protected: boolean;
  options: Record<string, unknown>;
  password?: string;
}

export type Visibility = "Visible" | "Hidden" | "VeryHidden";

export interface FormulaEntry {
  /** What the add-in wrote, read back by Range.formulas. */
  source: string;
  /** What the engine holds: names and structured references made A1 (formulaTranslation.ts). */
  translated: string;
  /** Whether the translation depends on tables or names, so must be redone when they change. */
  dynamic: boolean;
}

export class SheetModel {
  readonly formats = new FormatLayers();
  readonly columnWidths = new Map<number, number>();
  readonly formulas = new Map<number, FormulaEntry>();
  readonly validations: ValidationEntry[] = [];
  readonly conditionalFormats: ConditionalFormatModel[] = [];
  protection: ProtectionState = { protected: false, options: {} };
  freeze = { rows: 0, columns: 0 };
  visibility: Visibility = "Visible";
  deleted = false;
  /** Rows hidden by a filter (a co-author's, in tests). */
  readonly hiddenRows = new Set<number>();

  constructor(
    readonly id: string,
    readonly engineId: number,
    public name: string
  ) {}

  columnWidth(col: number): number {
    return this.columnWidths.get(col) ?? DEFAULT_COLUMN_WIDTH;
  }

  /** The validation in force at a cell: the last rule set over it (a clear sets null). */
  validationAt(row: number, col: number): ValidationEntry | undefined {
    for (let i = this.validations.length - 1; i >= 0; i--) {
      const entry = this.validations[i] as ValidationEntry;
      if (contains(entry.rect, row, col)) return entry.rule === null ? undefined : entry;
    }
    return undefined;
  }

  conditionalFormatsOver(rect: Rect): ConditionalFormatModel[] {
    return this.conditionalFormats.filter((cf) => intersection(cf.rect, rect));
  }
}

const NAMED_COLORS: Readonly<Record<string, string>> = {
  black: "#000000",
  white: "#FFFFFF",
  red: "#FF0000",
  green: "#008000",
  blue: "#0000FF",
  yellow: "#FFFF00",
  orange: "#FFA500",
  gray: "#808080",
  grey: "#808080",
  lightgray: "#D3D3D3",
  lightgrey: "#D3D3D3",
  purple: "#800080",
};

/** A colour as Excel reads it back: "#RRGGBB" in capitals. Excel takes "#RRGGBB" or an HTML colour name. */
export function normalizeColor(color: unknown): string {
  if (typeof color === "string") {
    const text = color.trim();
    if (/^#[0-9a-fA-F]{6}$/.test(text)) return text.toUpperCase();
    const named = NAMED_COLORS[text.toLowerCase()];
    if (named) return named;
  }
  throw excelError("InvalidArgument", `${JSON.stringify(color)} is not a colour the host knows ("#RRGGBB" or a common HTML name)`);
}
