/**
 * Text the add-in writes must stay text. Excel reads a string written to `Range.values` as if
 * it were typed: "=…", "+…", "-…" become formulas (and "@…" may), so a bidder's
 * "=HYPERLINK(…)" would run in the evaluators' workbook. A leading apostrophe makes Excel keep
 * the rest as text (DESIGN.md: imported text starting with =, +, -, @ is written as text).
 */
export const FORMULA_TRIGGERS: ReadonlySet<string> = new Set(["=", "+", "-", "@"]);

export function literalText(value: unknown): unknown {
  if (typeof value !== "string" || value.length === 0) return value;
  return FORMULA_TRIGGERS.has(value[0] as string) || value[0] === "'" ? `'${value}` : value;
}

/**
 * A value as the add-in writes what came from outside (a bidder's form, a council's table):
 * numbers and booleans as they are, blanks empty, and every text as text. Excel reads a string
 * written to `values` as if typed, so besides "=…" (which `literalText` guards) "2026-03-31"
 * would become a date serial (46112), "40%" 0.4, "1.10" the number 1.1 and "TRUE" a boolean: a
 * value nobody wrote. The apostrophe Excel uses for "keep as text" is added to every text;
 * Excel stores the text without it.
 */
export function keptAsText(value: unknown): unknown {
  if (value === null || value === undefined) return "";
  if (typeof value === "number" || typeof value === "boolean") return value;
  const text = String(value);
  if (text === "") return "";
  const safe = literalText(text);
  return typeof safe === "string" && safe.startsWith("'") ? safe : `'${text}`;
}
