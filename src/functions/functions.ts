/* eslint-disable @typescript-eslint/no-explicit-any -- Excel passes any cell content; declaring
   the parameters `any` (metadata type "any") stops Excel coercing them first, so these adapters
   decide the error and its message themselves, as DESIGN.md specifies. */
/**
 * The TENDER custom functions: the product's public formula API (DESIGN.md, "Custom
 * functions"). Each is a thin adapter: coerce what Excel passes, call src/core, translate a
 * domain error to CustomFunctions.Error. The JSDoc below generates functions.json; ids are
 * frozen once shipped because they are stored in users' workbooks. None is volatile: each
 * reads only its arguments, so Excel's recalculation and co-authoring stay correct.
 *
 * Excel passes `null` for an omitted optional argument (TypeScript defaults never apply),
 * `""` or `null` for an empty cell, and a 2-D array for a range.
 */
import { markSpread, priceScore } from "../core/scores/awardMaths";
import { benchmarkPosition, parseBenchmarkKind, type BenchmarkKind } from "../core/scores/benchmark";
import { refKey } from "../core/setup/measureTable";
import { parseScoringMethod, qualitativePoints, quantitativeScore } from "../core/scores/scoring";
import { matchesCriterion, socialValueSum, type PlacedCell } from "../core/scores/socialValueFormula";
import type { MeasureType } from "../core/setup/frameworks/schema";
import type { ScoringMethod } from "../core/setup/tender";
import { parseUnit } from "../core/setup/units";
import { checkCommitment, type CheckableMeasure } from "../core/validate/validateCommitments";
import { CLARIFICATION_OUTCOMES, type ClarificationOutcome } from "../core/validate/clarifications";
import { readQuantity } from "../core/shared/cells";
import {
  asMatrix,
  cellCount,
  describeShape,
  fail,
  isBlankCell,
  numberArg,
  placedCells,
  position,
  sameShape,
  show,
  single,
  textCell,
  unwrap,
  type Matrix,
} from "./excelArgs";

const E = (): typeof CustomFunctions.ErrorCode => CustomFunctions.ErrorCode;

/** Numbers of a range argument in reading order: blanks, text and booleans are skipped (as MAX does). */
function numbersOf(m: Matrix): number[] {
  const out: number[] = [];
  for (const row of m) for (const cell of row) if (typeof cell === "number") out.push(cell);
  return out;
}

/**
 * Social value in £ of a set of commitments: the sum of quantity × proxy, looking each ref up in the measure table.
 * Example: =TENDER.SVVALUE(SV_Commitments[Ref], SV_Commitments[Quantity], SV_Measures[Ref], SV_Measures[Proxy], SV_Commitments[Bidder], "Acme Ltd")
 * @customfunction SVVALUE
 * @param refs Measure refs of the commitments, e.g. the Ref column (same shape as quantities).
 * @param quantities Committed quantities in each measure's unit, e.g. the Quantity column.
 * @param measure_refs Refs of the measure table, each once, e.g. SV_Measures[Ref].
 * @param proxies £ of social value per unit, same size as measure_refs; blank for a record-only measure.
 * @param [criteria_range] Optional: cells to filter the commitments by, same shape as refs, e.g. the Bidder column.
 * @param [criterion] Optional: the value criteria_range must equal for a row to count, e.g. a bidder's name.
 * @returns Social value in £.
 */
export function svValue(refs: any[][], quantities: any[][], measure_refs: any[][], proxies: any[][], criteria_range?: any[][], criterion?: any): number {
  const r = asMatrix(refs);
  const q = asMatrix(quantities);
  if (!sameShape(r, q)) fail(E().invalidValue, `refs is ${describeShape(r)} but quantities is ${describeShape(q)}: they must be the same shape.`);
  const mr = asMatrix(measure_refs);
  const p = asMatrix(proxies);
  if (cellCount(mr) !== cellCount(p)) {
    fail(E().invalidValue, `measure_refs has ${cellCount(mr)} cells but proxies has ${cellCount(p)}: give one proxy per measure.`);
  }
  const filtered = criteria_range !== null && criteria_range !== undefined;
  let criteria: Matrix | undefined;
  if (filtered) {
    criteria = asMatrix(criteria_range);
    if (!sameShape(criteria, r)) fail(E().invalidValue, `criteria_range is ${describeShape(criteria)} but refs is ${describeShape(r)}: they must be the same shape.`);
    if (criterion === null || criterion === undefined) fail(E().invalidValue, "criteria_range is given without a criterion: say which value to count, e.g. a bidder's name.");
  } else if (criterion !== null && criterion !== undefined) {
    fail(E().invalidValue, "criterion is given without a criteria_range to compare it with.");
  }
  // Rows filtered out by the criterion are never read (like SUMIFS), so only matching rows
  // are handed to the core — which also spares building cells for other bidders' rows.
  const wanted = criteria ? single(criterion, "criterion") : undefined;
  const refCells: PlacedCell[] = [];
  const quantityCells: PlacedCell[] = [];
  r.forEach((row, i) =>
    row.forEach((value, j) => {
      if (criteria && !matchesCriterion(criteria[i]?.[j], wanted)) return;
      const ref = textCell(value);
      const quantity = q[i]?.[j];
      refCells.push({ value: ref, row: i + 1, col: j + 1 });
      // A row with neither ref nor quantity is empty, even where the build passes its cells as 0.
      quantityCells.push({ value: isBlankCell(ref) && quantity === 0 ? null : quantity, row: i + 1, col: j + 1 });
    })
  );
  const measureRefs = placedCells(mr).map((cell) => ({ ...cell, value: textCell(cell.value) }));
  return unwrap(socialValueSum({ refs: refCells, quantities: quantityCells, measureRefs, proxies: placedCells(p) }));
}

/**
 * Social value return: social value £ divided by the contract value (0.25 means 25p of social value per £1).
 * Works element-wise on ranges of the same shape, e.g. =TENDER.SVRETURN(C2:C4, B2:B4).
 * @customfunction SVRETURN
 * @param value Social value in £ (a cell or a range; blank counts as 0).
 * @param contract_value Contract value in £, excluding VAT (one cell, or a range the same shape as value).
 * @returns The return as a ratio; format the cell as % to read it as pence per £1.
 */
export function svReturn(value: any[][], contract_value: any[][]): number[][] {
  const values = asMatrix(value);
  const contracts = asMatrix(contract_value);
  const one = cellCount(contracts) === 1;
  if (!one && !sameShape(values, contracts)) {
    fail(E().invalidValue, `value is ${describeShape(values)} but contract_value is ${describeShape(contracts)}: give one contract value or a range of the same shape.`);
  }
  const contractAt = (r: number, c: number): unknown => (one ? contracts[0]?.[0] : contracts[r]?.[c]);

  // Precedence (DESIGN.md): any wrong kind of input (#VALUE!), then a zero or blank divisor
  // (#DIV/0!), then a negative value (#NUM!); within each, argument order then row by row.
  values.forEach((row, r) =>
    row.forEach((cell, c) => {
      if (!isBlankCell(cell) && typeof cell !== "number") fail(E().invalidValue, `value ${position(values, r, c)} is ${show(cell)}, not a number.`);
    })
  );
  contracts.forEach((row, r) =>
    row.forEach((cell, c) => {
      if (!isBlankCell(cell) && typeof cell !== "number") fail(E().invalidValue, `contract_value ${position(contracts, r, c)} is ${show(cell)}, not a number.`);
    })
  );
  for (const row of contracts) for (const cell of row) if (isBlankCell(cell) || (cell as number) <= 0) fail(E().divisionByZero);
  for (const row of values) for (const cell of row) if (typeof cell === "number" && cell < 0) fail(E().invalidNumber);
  return values.map((row, r) => row.map((cell, c) => (isBlankCell(cell) ? 0 : (cell as number)) / (contractAt(r, c) as number)));
}

/**
 * Points for a bid's social value against the other bids or a target, between 0 and max_points.
 * Example: =TENDER.SVSCORE(C2, C$2:C$4, 10) or =TENDER.SVSCORE(C2, C$2:C$4, 10, "target", SV_ContractValue*SV_Target)
 * @customfunction SVSCORE
 * @param value The bid's social value in £ (a cell, or a range to score several bids at once; blank counts as 0).
 * @param values Every bid's social value in £; blank and text cells are ignored.
 * @param max_points Points available for the quantitative social value score, e.g. 10.
 * @param [method] Optional: "relative" (default, best bid gets max_points), "target" (points in proportion to a £ target, capped) or "range" (lowest bid 0, best bid max_points).
 * @param [target] Optional: the £ target for the "target" method, e.g. 25% of the contract value.
 * @returns Points, from 0 to max_points.
 */
export function svScore(value: any[][], values: any[][], max_points: any, method?: any, target?: any): number[][] {
  const v = asMatrix(value);
  // Reading order: value (kind, then sign), values, max_points, method, target.
  v.forEach((row, r) =>
    row.forEach((cell, c) => {
      if (!isBlankCell(cell) && typeof cell !== "number") fail(E().invalidValue, `value ${position(v, r, c)} is ${show(cell)}, not a number.`);
      if (typeof cell === "number" && cell < 0) fail(E().invalidNumber, `value ${position(v, r, c)} is negative.`);
    })
  );
  const others = numbersOf(asMatrix(values));
  if (others.some((n) => n < 0)) fail(E().invalidNumber, "values holds a negative social value.");
  const max = numberArg(single(max_points, "max_points"), "max_points", { nonNegative: true });
  const m = single(method, "method");
  let scoring: ScoringMethod = "relative";
  if (!isBlankCell(m)) {
    const parsed = typeof m === "string" ? parseScoringMethod(m) : undefined;
    if (!parsed) fail(E().invalidValue, `method ${show(m)} is not a scoring method: use "relative", "target" or "range".`);
    scoring = parsed;
  }
  let targetValue: number | undefined;
  const t = single(target, "target");
  if (!isBlankCell(t)) {
    if (typeof t !== "number") fail(E().invalidValue, `target is ${show(t)}, not a £ amount.`);
    targetValue = t;
  }
  return v.map((row) => row.map((cell) => unwrap(quantitativeScore(isBlankCell(cell) ? 0 : (cell as number), others, max, scoring, targetValue))));
}

/**
 * Checks one commitment row against the measure table: "OK", or the first problem as a short message starting with its code (the codes the task pane's validator uses).
 * Example: =TENDER.SVCHECK([@Ref], [@Quantity], [@Unit], SV_Measures[Ref], SV_Measures[Unit], SV_Measures[InScope], SV_Measures[Proxy], SV_Measures[Type])
 * @customfunction SVCHECK
 * @param ref The commitment's measure ref, e.g. "ECC10".
 * @param quantity The committed quantity.
 * @param unit The unit the bidder gave, e.g. "weeks" (aliases such as hrs, FTE, GBP are accepted).
 * @param measure_refs Refs of the measure table, e.g. SV_Measures[Ref].
 * @param measure_units Units of the measure table, same size as measure_refs, e.g. SV_Measures[Unit].
 * @param [in_scope] Optional: TRUE/FALSE (or Yes/No) per measure, same size as measure_refs; FALSE marks a measure this tender does not ask for, blank (or 0) means in scope.
 * @param [proxies] Optional: each measure's proxy (£ per unit), same size as measure_refs; a blank one means the council has not priced the measure, and a commitment to it counts £0 (SV122).
 * @param [types] Optional: each measure's type (LEV, SV or Record), same size as measure_refs; a Record measure is worth £0 by design (SV118).
 * @param [ceilings] Optional: each measure's ceiling, same size as measure_refs; a quantity above it is implausible (SV124). Blank means none.
 * @param [contract_value] Optional: the contract value in £; a commitment worth more is implausible (SV123).
 * @param [clarified] Optional: the panel's recorded outcome for this commitment (Accepted, Capped or Excluded, "Capped 500" to name the cap; blank if none): an implausible commitment with one says so (SV125) instead of an error.
 * @param [value] Optional, with type: the row's own Value cell as SUM reads it (N(), "#" for an error); a figure other than quantity × proxy, exactly, was written over its formula (SV121).
 * @param [type] Optional: the row's own Type cell as text; a type other than the measure's was typed over its formula (SV121). Given it, a row with no ref, quantity or unit is no commitment (SV102) rather than empty: the sheet passes it only for a row with a bidder.
 * @returns "OK" or a message such as "SV103 …".
 */
export function svCheck(
  ref: any,
  quantity: any,
  unit: any,
  measure_refs: any[][],
  measure_units: any[][],
  in_scope?: any[][],
  proxies?: any[][],
  types?: any[][],
  ceilings?: any[][],
  contract_value?: any,
  clarified?: any,
  value?: any,
  type?: any,
): string {
  const refs = placedCells(asMatrix(measure_refs));
  const units = placedCells(asMatrix(measure_units));
  if (refs.length !== units.length) fail(E().invalidValue, `measure_refs has ${refs.length} cells but measure_units has ${units.length}: give one unit per measure.`);
  const scope = sameSizeAsRefs(in_scope, "in_scope", refs.length);
  const prices = sameSizeAsRefs(proxies, "proxies", refs.length);
  const kinds = sameSizeAsRefs(types, "types", refs.length);
  const caps = sameSizeAsRefs(ceilings, "ceilings", refs.length);
  const measures = new Map<string, CheckableMeasure>();
  refs.forEach((cell, i) => {
    if (isBlankCell(textCell(cell.value))) return;
    const text = String(cell.value).trim();
    const unitCell = textCell(units[i]?.value);
    const parsed = typeof unitCell === "string" ? parseUnit(unitCell) : undefined;
    if (!parsed) fail(E().invalidValue, `measure_units row ${cell.row}: ${show(unitCell)} is not a unit the add-in knows (measure ${text}).`);
    const key = refKey(text);
    if (measures.has(key)) fail(E().invalidValue, `measure_refs has ${show(text)} twice (measure_refs row ${cell.row}); each measure must appear once.`);
    const inScope = scope ? readYesNo(scope[i]?.value) : true;
    const measure: CheckableMeasure = { ref: text, unit: parsed, inScope };
    // Only what was passed is checked: without proxies (a formula written before they were an
    // argument) the row is not judged on its measure's price.
    if (prices) {
      // The template passes proxies as text ("16.93"), so a blank one reads blank on every build.
      const price = readQuantity(prices[i]?.value);
      measure.proxy = price.kind === "blank" ? null : price.kind === "number" ? price.value : 0;
    }
    if (kinds) {
      const written = kinds[i]?.value;
      measure.type = readMeasureType(written);
      measure.typeAsWritten = written === null || written === undefined ? "" : String(written);
    }
    const cap = caps ? readQuantity(caps[i]?.value) : undefined;
    // 0 is a blank cell as older desktop builds pass it, not a ceiling of nothing.
    if (cap?.kind === "number" && cap.value > 0) measure.ceiling = cap.value;
    measures.set(key, measure);
  });
  const rowRef = textCell(single(ref, "ref"));
  const rowUnit = textCell(single(unit, "unit"));
  const rowQuantity = single(quantity, "quantity");
  // A row with no ref and no unit whose quantity is 0 is an empty row passed as 0s by an older
  // desktop build. With a ref, a 0 quantity stays 0: the template's Check formula passes "" for
  // an empty quantity, so it is flagged on every build.
  const emptyRow = isBlankCell(rowRef) && isBlankCell(rowUnit) && rowQuantity === 0;
  const cv = single(contract_value ?? null, "contract_value");
  const outcome = readClarifiedOutcome(single(clarified ?? null, "clarified"));
  // The row's Value and Type are judged only when type is given: the Check formula always passes
  // it as text, where an omitted argument arrives as null, the same as a blank Value.
  const rowType = single(type ?? null, "type");
  // "#" is how the Check formula passes an Excel error in Value: not judged here (undefined).
  const rowValue = single(value ?? null, "value");
  const calculated = typeof rowType === "string" ? { value: rowValue === "#" ? undefined : rowValue, type: rowType } : undefined;
  return checkCommitment(
    rowRef,
    emptyRow ? null : rowQuantity,
    rowUnit,
    measures,
    {
      ...(typeof cv === "number" && cv > 0 ? { contractValue: cv } : {}),
      ...(outcome !== undefined ? { clarified: outcome } : {}),
    },
    calculated,
  );
}

/** Accepted, Capped or Excluded (trimmed, any case), a cap's figure after it ("Capped 500"); anything else is no outcome. */
function readClarifiedOutcome(cell: unknown): { outcome: ClarificationOutcome; cappedAt?: number } | undefined {
  const [word = "", figure] = (typeof cell === "string" ? cell.trim().toLowerCase() : "").split(/\s+/);
  const outcome = CLARIFICATION_OUTCOMES.find((o) => o.toLowerCase() === word);
  if (outcome === undefined) return undefined;
  const cap = outcome === "Capped" && figure !== undefined ? Number(figure) : NaN;
  return Number.isFinite(cap) ? { outcome, cappedAt: cap } : { outcome };
}

/** An optional per-measure argument as cells, refused unless it has one cell per measure ref. */
function sameSizeAsRefs(range: any[][] | null | undefined, name: string, refs: number): PlacedCell[] | undefined {
  if (range === null || range === undefined) return undefined;
  const cells = placedCells(asMatrix(range));
  if (cells.length !== refs) fail(E().invalidValue, `${name} has ${cells.length} cells but measure_refs has ${refs}.`);
  return cells;
}

/** "Record" (any case, trimmed) is record-only; anything else is valued (LEV, SV, or left blank). */
function readMeasureType(cell: unknown): MeasureType {
  if (typeof cell !== "string") return "SV";
  const text = cell.trim().toLowerCase();
  return text === "record" ? "Record" : text === "lev" ? "LEV" : "SV";
}

/**
 * TRUE/FALSE, Yes/No, Y/N; anything else (including blank) counts as in scope. The number 0
 * counts as blank, because older desktop builds pass an empty cell as 0; 1 and other numbers are Yes.
 */
function readYesNo(cell: unknown): boolean {
  if (typeof cell === "boolean") return cell;
  if (typeof cell === "number") return true;
  if (typeof cell === "string") return !["false", "no", "n", "0", "out"].includes(cell.trim().toLowerCase());
  return true;
}

/**
 * Where a return sits among published benchmark returns (Southend-on-Sea Social Value Policy, 2021): below lower quartile, lower quartile to median, median to upper quartile, or at or above upper quartile.
 * Example: =TENDER.SVBENCHMARK(TENDER.SVRETURN(C2, SV_ContractValue))
 * @customfunction SVBENCHMARK
 * @param return_ratio The return as a ratio (0.157 = 15.7p per £1); a cell or a range.
 * @param [kind] Optional: "total" (default: social and local economic value), "lev" (local economic value) or "sv" (social value).
 * @returns The benchmark band.
 */
export function svBenchmark(return_ratio: any[][], kind?: any): string[][] {
  const returns = asMatrix(return_ratio);
  returns.forEach((row, r) =>
    row.forEach((cell, c) => {
      if (!isBlankCell(cell) && typeof cell !== "number") fail(E().invalidValue, `return_ratio ${position(returns, r, c)} is ${show(cell)}, not a number.`);
      if (typeof cell === "number" && (cell < 0 || Number.isNaN(cell))) fail(E().invalidNumber, `return_ratio ${position(returns, r, c)} is negative.`);
    })
  );
  const k = single(kind, "kind");
  let benchmark: BenchmarkKind = "total";
  if (!isBlankCell(k)) {
    const parsed = typeof k === "string" ? parseBenchmarkKind(k) : undefined;
    if (!parsed) fail(E().invalidValue, `kind ${show(k)} is not a benchmark: use "total", "lev" or "sv".`);
    benchmark = parsed;
  }
  return returns.map((row) => row.map((cell) => benchmarkPosition(isBlankCell(cell) ? 0 : (cell as number), benchmark)));
}

/**
 * Price points by the lowest-price method: the cheapest bid gets max_points, others max_points × lowest price ÷ their price.
 * Example: =TENDER.SVPRICESCORE(B2, B$2:B$4, 60)
 * @customfunction SVPRICESCORE
 * @param price The bid's price in £ (a cell, or a range to score several bids at once).
 * @param prices Every bid's price in £; blank and text cells are ignored.
 * @param max_points Points available for price, e.g. 60.
 * @returns Points, from 0 to max_points.
 */
export function svPriceScore(price: any[][], prices: any[][], max_points: any): number[][] {
  const p = asMatrix(price);
  // Reading order (DESIGN.md): price (kind, then above £0) row by row, prices, max_points.
  // priceScore checks the same, but only after max_points has been read.
  p.forEach((row, r) =>
    row.forEach((cell, c) => {
      if (typeof cell !== "number") fail(E().invalidValue, `price ${position(p, r, c)} is ${isBlankCell(cell) ? "blank" : show(cell)}: give the bid's price in £.`);
      if (!(cell > 0) || !Number.isFinite(cell)) fail(E().invalidNumber, `price ${position(p, r, c)} is ${cell}; a price must be more than £0.`);
    })
  );
  const all = numbersOf(asMatrix(prices));
  if (all.some((n) => !(n > 0) || !Number.isFinite(n))) fail(E().invalidNumber, "prices holds a price of £0 or less; every price must be more than £0.");
  const max = numberArg(single(max_points, "max_points"), "max_points", { nonNegative: true });
  return p.map((row) => row.map((cell) => unwrap(priceScore(cell as number, all, max))));
}

/**
 * Points for a qualitative mark on the tender's scale: max_points × mark ÷ the highest mark on the scale.
 * Example: =TENDER.SVMARKPOINTS(F2, {0,1,2,3,4,5}, 5)
 * @customfunction SVMARKPOINTS
 * @param mark The mark (a cell, or a range to convert several marks at once).
 * @param scale_marks The marks the scale allows, e.g. {0,1,2,3,4,5} or a range holding them.
 * @param max_points Points available for this criterion, e.g. 5.
 * @returns Points, from 0 to max_points.
 */
export function svMarkPoints(mark: any[][], scale_marks: any[][], max_points: any): number[][] {
  const marks = asMatrix(mark);
  const scale = numbersOf(asMatrix(scale_marks));
  // A scale of fewer than two marks is no scale: no mark can be placed on it, so it is
  // reported first, as a shape mismatch is. Then reading order (DESIGN.md): each mark (a
  // number, then on the scale) row by row, then max_points. qualitativePoints checks the
  // scale too, but only after max_points has been read.
  if (scale.length < 2) fail(E().invalidValue, "scale_marks must hold at least two marks, e.g. {0,1,2,3,4,5}.");
  const scaleDef = { id: "sheet", label: `${Math.min(...scale)}–${Math.max(...scale)}`, marks: scale };
  marks.forEach((row, r) =>
    row.forEach((cell, c) => {
      if (typeof cell !== "number") fail(E().invalidValue, `mark ${position(marks, r, c)} is ${isBlankCell(cell) ? "blank" : show(cell)}: give a mark on the scale.`);
      if (!scale.includes(cell)) fail(E().invalidNumber, `mark ${position(marks, r, c)} is ${cell}, which is not on the ${scaleDef.label} scale.`);
    })
  );
  const max = numberArg(single(max_points, "max_points"), "max_points", { nonNegative: true });
  return marks.map((row) => row.map((cell) => unwrap(qualitativePoints(cell as number, scaleDef, max))));
}

/**
 * Spread of evaluators' marks for one bid and criterion (highest − lowest), to compare with the panel's moderation threshold.
 * Example: =TENDER.SVSPREAD(D2:F2)
 * @customfunction SVSPREAD
 * @param marks The evaluators' marks; blank cells (marks not yet given) are ignored.
 * @returns The spread, in marks.
 */
export function svSpread(marks: any[][]): number {
  const m = asMatrix(marks);
  const numbers: number[] = [];
  m.forEach((row, r) =>
    row.forEach((cell, c) => {
      if (isBlankCell(cell)) return;
      if (typeof cell !== "number") fail(E().invalidValue, `marks ${position(m, r, c)} is ${show(cell)}, not a mark.`);
      numbers.push(cell);
    })
  );
  return unwrap(markSpread(numbers));
}
