/**
 * The maths and the rules of TENDER.SVVALUE (DESIGN.md "Custom functions"): Σ quantity ×
 * proxy over commitment cells, looked up in a measure table given as cells. It works on
 * cells, not on validated commitments, because its rules are about cells: a blank proxy
 * adds 0, a quantity with no ref is an error, rows filtered out by a criterion are never
 * read. The adapter in src/functions only reshapes Excel's arguments.
 *
 * Problems are reported in reading order (DESIGN.md): by argument (refs, quantities,
 * measure_refs, proxies), then row by row; the first one decides the error.
 */
import { isBlank } from "../shared/cells";
import { refKey } from "../setup/measureTable";
import { nameKey } from "../shared/names";
import { formulaError, formulaOk, type FormulaError, type FormulaResult } from "../shared/formulaResult";

/** One cell and where it sits in its argument (1-based row and column), for messages. */
export interface PlacedCell {
  value: unknown;
  row: number;
  col: number;
}

export interface SocialValueCells {
  refs: readonly PlacedCell[];
  /** Same length and order as `refs`. */
  quantities: readonly PlacedCell[];
  measureRefs: readonly PlacedCell[];
  /** Same length and order as `measureRefs`. */
  proxies: readonly PlacedCell[];
  /** With `criterion`: only rows whose criteria cell equals it are read (like SUMIFS). */
  criteria?: readonly PlacedCell[];
  criterion?: unknown;
}

function where(name: string, cell: PlacedCell): string {
  return `${name} row ${cell.row}${cell.col > 1 ? `, column ${cell.col}` : ""}`;
}

function show(value: unknown): string {
  const text = typeof value === "string" ? `"${value.length > 40 ? `${value.slice(0, 40)}…` : value}"` : String(value);
  return text;
}

/**
 * Criteria matching as SUMIFS reads an equality, numbers by value; text as the pane compares
 * names (nameKey: spacing, invisible characters, compatibility forms and case aside), since the
 * criterion is usually a bidder's name.
 */
export function matchesCriterion(cell: unknown, criterion: unknown): boolean {
  if (typeof criterion === "number") {
    if (typeof cell === "number") return cell === criterion;
    if (typeof cell === "string" && cell.trim() !== "") return Number(cell.trim()) === criterion;
    return false;
  }
  if (typeof criterion === "boolean") return cell === criterion;
  if (isBlank(criterion)) return isBlank(cell) || (typeof cell === "string" && cell.trim() === "");
  const wanted = nameKey(String(criterion));
  if (typeof cell === "string") return nameKey(cell) === wanted;
  if (typeof cell === "number") return nameKey(String(cell)) === wanted;
  return false;
}

/**
 * Σ quantity × proxy, or the first problem. Shapes are the adapter's concern (it knows the
 * ranges); here `refs`/`quantities` and `measureRefs`/`proxies` must pair up by index.
 */
export function socialValueSum(cells: SocialValueCells): FormulaResult<number> {
  const { refs, quantities, measureRefs, proxies, criteria, criterion } = cells;

  // The measure table: ref key → index of its proxy.
  const table = new Map<string, number>();
  let duplicate: FormulaError | undefined;
  measureRefs.forEach((cell, i) => {
    if (isBlank(cell.value)) return;
    const key = refKey(String(cell.value));
    if (key === "") return;
    if (table.has(key)) {
      duplicate ??= formulaError("VALUE", `measure_refs has ${show(String(cell.value).trim())} twice (${where("measure_refs", cell)}); each measure must appear once.`);
    } else {
      table.set(key, i);
    }
  });

  const read: number[] = [];
  for (let i = 0; i < refs.length; i++) {
    if (criteria && !matchesCriterion(criteria[i]?.value, criterion)) continue;
    read.push(i);
  }

  // Argument 1: refs.
  for (const i of read) {
    const ref = refs[i] as PlacedCell;
    const qty = quantities[i] as PlacedCell;
    if (isBlank(ref.value)) {
      if (!isBlank(qty.value)) return formulaError("VALUE", `${where("quantities", qty)} has a quantity but no measure ref.`);
      continue;
    }
    if (typeof ref.value !== "string" && typeof ref.value !== "number") {
      return formulaError("VALUE", `${where("refs", ref)} is ${show(ref.value)}, not a measure ref.`);
    }
    if (!table.has(refKey(String(ref.value)))) {
      return formulaError("NA", `${where("refs", ref)}: measure ${show(String(ref.value).trim())} is not in measure_refs.`);
    }
  }
  // Argument 2: quantities.
  for (const i of read) {
    const qty = quantities[i] as PlacedCell;
    if (isBlank(qty.value)) continue;
    if (typeof qty.value !== "number") return formulaError("VALUE", `${where("quantities", qty)} is ${show(qty.value)}, not a number.`);
    if (!Number.isFinite(qty.value)) return formulaError("NUM", `${where("quantities", qty)} is not a finite number.`);
    if (qty.value < 0) return formulaError("NUM", `${where("quantities", qty)} is negative (${qty.value}).`);
  }
  // Argument 3: measure_refs.
  if (duplicate) return duplicate;
  // Argument 4: proxies. The whole table is checked: a bad proxy is wrong whoever uses it.
  for (const cell of proxies) {
    if (isBlank(cell.value)) continue;
    if (typeof cell.value !== "number") return formulaError("VALUE", `${where("proxies", cell)} is ${show(cell.value)}, not a £ value.`);
    if (!Number.isFinite(cell.value) || cell.value < 0) return formulaError("NUM", `${where("proxies", cell)} is ${cell.value}; a proxy must be £0 or more.`);
  }

  let total = 0;
  for (const i of read) {
    const ref = refs[i] as PlacedCell;
    const qty = quantities[i] as PlacedCell;
    if (isBlank(ref.value) || isBlank(qty.value)) continue;
    const proxyIndex = table.get(refKey(String(ref.value))) as number;
    const proxy = proxies[proxyIndex]?.value;
    if (typeof proxy === "number") total += (qty.value as number) * proxy;
  }
  return formulaOk(total + 0);
}
