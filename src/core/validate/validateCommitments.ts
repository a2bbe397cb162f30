/**
 * Validation of commitment rows against the tender's measure table (DESIGN.md "Validation
 * rules"). Every problem on every row is reported, with its row and column (STYLE.md point
 * 5); rows with no error become the commitments that valuation and scoring read.
 *
 * Rules, by code (messages and severities are in findings.ts):
 *
 * - A row whose Bidder, Ref, Quantity, Unit and Evidence are all blank is skipped silently.
 * - SV101/SV102 bidder or ref missing; SV105 a cell shows an Excel error; SV106 a Bidder, Ref
 *   or Unit cell holds something that is not text (TRUE, a date).
 * - SV103 unknown ref; SV104 a measure the tender has not put in scope.
 * - Units: a blank unit means the measure's own unit and raises nothing, because response
 *   forms print the unit beside each measure and bidders rarely retype it; an info on every
 *   such row would bury the findings that matter. A unit written out must name a unit we know
 *   (SV107; refused rather than guessed, since "days" against an hours measure would be
 *   valued as hours) and the measure's unit (SV108; "people" is not "FTE": five half-time
 *   staff are 5 people but 2.5 FTE). Aliases come from `parseUnit`.
 * - Quantities: SV110 missing, SV111 not a number, SV112 negative, SV113 not whole where the
 *   unit counts people or items, SV114 a percentage over 100, SV115 above the measure's
 *   `max` (a warning: the council's cap marks a figure to challenge, not an impossible one),
 *   SV116 typed as text but readable (info), SV117 a percentage under 1 that may be a
 *   fraction (info: Excel stores a typed "40%" as 0.4). The unit-dependent checks (whole,
 *   percentage, max, £) are skipped when the unit is wrong: the figure is in another unit.
 * - SV118 record-only measure (info); SV119 evidence missing where the measure requires it
 *   (warning: councils usually ask at clarification rather than reject).
 * - SV122 a measure in scope, not record-only, with no proxy value (warning, on the Proxy
 *   cell): the row is counted, at £0, so the bid's score is incomplete until the council's
 *   proxy is entered. `measuresWithoutProxy` (missingProxies.ts) says the same once per measure.
 * - Implausible figures (issue #16 point 4) are errors that hold the bid until the panel records
 *   a clarification outcome on SV Clarifications (clarifications.ts): SV123 a commitment worth
 *   more than the whole contract value (quantity × proxy, or a £ quantity itself: no single
 *   commitment can credibly return more than the contract is worth); SV124 a quantity above the
 *   ceiling the council set for the measure (SV Measures' Ceiling column). Once an outcome is
 *   recorded the row says so (SV125, info) and counts the outcome's quantity (capped or 0).
 *   SV120 (the old warning for a £ quantity above the contract value) is retired.
 * - SV121 a calculated cell (Measure, Proxy, Type, Value, Check) that holds a typed value or
 *   nothing instead of its formula: the row's value in the sheet is then not the measure's.
 *   The reader of the workbook finds these cells (`ValidationContext.typedOverFormulas`); the
 *   rule is reported even on an otherwise blank row, because the next import that fills the
 *   row would inherit the typed value.
 * - SV201 the same bidder and measure twice: an error on the later row, naming the first
 *   (raised whether or not the first row is itself valid: two rows claim the measure either
 *   way). It holds the bid back (core heldBids) rather than dropping the row: both rows count
 *   in the bid's £, as SV Scores sums them, until the two are combined. Rows are taken in the
 *   order given (sheet order).
 * - SV202 two mutually exclusive measures (`excludes`, either direction) claimed by one
 *   bidder: a warning on the later row naming the earlier one (the two may be different £).
 * - SV206 a bid worth more than the contract value; SV207 a bid whose return is more than
 *   {@link FAR_ABOVE_FACTOR} × the benchmark upper quartile (default 36.6%, Southend policy,
 *   seed 002). Both errors on the bidder's first row, holding the bid until the panel records
 *   an outcome for the whole bid (Ref blank on SV Clarifications; then SV208, info). "Far" is
 *   twice the upper quartile (73.2p per £1 by default): a quarter of contracts already reach
 *   the quartile, so reaching it is no cause for doubt, while twice it lies well beyond what the
 *   published returns show (suppliers typically commit 3–16%, DOMAIN.md). SV207 is not raised
 *   when SV206 is. A bid capped as a whole counts its rows scaled down to the cap, excluded
 *   counts them 0 (the retired warnings SV203/SV204 said the same without holding the bid).
 *
 * Bidders are one bidder however they are typed (trimmed, case-insensitive) and appear in
 * findings and commitments as first spelled. Refs compare the same way (`refKey`).
 *
 * Performance: one pass over the rows; measures, bidders and units are looked up through
 * maps keyed by the raw cell text, so the trimming, case-folding and unit parsing happen
 * once per distinct spelling, not once per row. Only findings and accepted commitments are
 * allocated per row.
 */
import { cellError, describeCell, isBlank, readQuantity, readText } from "../shared/cells";
import type { Commitment, CommitmentColumn, CommitmentInputRow } from "../bids/commitments";
import { COMMITMENT_COLUMNS } from "../bids/commitments";
import { describeFinding, type Finding, type FindingCode, type FindingCounts } from "./findings";
// The single-row rules use only the SV1xx entries, so TENDER.SVCHECK's bundle does not carry the catalogue.
import { CALCULATED_COLUMNS, describeRowFinding, ROW_FINDINGS, type CalculatedColumn, type DescribedFinding, type RowFindingName, type Severity } from "./rowFindings";
import { BENCHMARK_RETURNS } from "../scores/benchmark";
import { clip, formatGBP, formatNumber, formatPercent, quote } from "../shared/format";
import { clarificationKey, countedQuantity, describeOutcome, indexClarifications, type Clarification } from "./clarifications";
import { bidderKey } from "../shared/refs";
import { cleanText, hasInvisibleCharacters, sheetKey } from "../shared/names";
import { indexMeasures, refKey, type MeasureEntry } from "../setup/measureTable";
import { parseUnit, UNITS, type UnitKey } from "../setup/units";
import { formulaValue, noFigureRelies, sameType, valueAsSummed, type RowFormulaResults } from "./typedOver";

/**
 * Upper quartile of total returns on contract value (3.8% / 15.7% / 36.6%), Southend-on-Sea
 * Social Value Policy (Dec 2021) quoting the Social Value Portal; seed 002, DOMAIN.md.
 */
export const DEFAULT_DELIVERABILITY_RETURN = BENCHMARK_RETURNS.total.upperQuartile;

/** A bid's return counts as "far above" the benchmark beyond this multiple of the quartile. */
export const FAR_ABOVE_FACTOR = 2;

export interface ValidationContext {
  /** £ excluding VAT; without it (or when not a positive number) the £ checks are skipped. */
  contractValue?: number;
  /** Benchmark upper quartile of total return, 0.366 = 36.6% (the default). */
  deliverabilityReturn?: number;
  /** Calculated cells that hold a typed value or nothing instead of their formula (SV121). */
  typedOverFormulas?: readonly TypedOverFormula[];
  /** The panel's decided clarification outcomes (readClarifications' `decided`). */
  clarifications?: readonly Clarification[];
  /**
   * SV Scores' bidders as spelled there, when read: a row's name is told apart (SV127) when SV
   * Scores' formulas cannot match it to a bidder the add-in takes it to be, with SV Scores'
   * spelling to retype. Without them, names are compared with the bid's first spelling.
   */
  sheetBidders?: readonly unknown[];
}

/** A calculated cell of a commitment row whose formula was typed or pasted over, or cleared. */
export interface TypedOverFormula {
  /** 1-based sheet row, as the commitment rows give it. */
  row: number;
  column: CalculatedColumn;
  /** What the cell holds now ("" when it was cleared). */
  found: unknown;
}

export interface ValidationResult {
  /** Sorted by row, then column in `COMMITMENT_COLUMNS` order, then the order found. */
  findings: Finding[];
  /** Rows with no error finding: bidder as first spelled, ref as the table spells it. */
  commitments: Commitment[];
  counts: FindingCounts;
}

/** What `checkCommitment` needs of a measure; the custom function has only refs and units. */
export type CheckableMeasure = Pick<MeasureEntry, "ref" | "unit"> & Partial<Pick<MeasureEntry, "inScope" | "max" | "type" | "proxy" | "ceiling" | "typeAsWritten">>;

/** What the Value and Type cells of a row hold, for checking them against their formulas (SV121). */
export interface RowCalculatedCells {
  /** As read, or as SV Scores' SUM reads it (N()); an Excel error (or undefined) is not judged. */
  value: unknown;
  type: unknown;
}

/** What the implausibility rules of one row need besides its measure: the contract value and the row's outcome, if clarified. */
export interface RowPlausibility {
  contractValue?: number;
  clarified?: Pick<Clarification, "outcome" | "cappedAt">;
}

type Described = DescribedFinding<FindingCode>;

/** SV201's code, written out here: the Sink is shared with checkCommitment, whose bundle does not carry the cross-row findings (findings.test.ts checks it). */
export const DUPLICATE_MEASURE = "SV201" satisfies FindingCode;

const COLUMN_RANK: Readonly<Record<CommitmentColumn | CalculatedColumn, number>> = Object.fromEntries(
  [...COMMITMENT_COLUMNS, ...CALCULATED_COLUMNS].map((c, i) => [c, i])
) as Record<CommitmentColumn | CalculatedColumn, number>;

/** Evidence cells that say there is none. */
const NO_EVIDENCE: ReadonlySet<string> = new Set(["no", "none", "n/a", "na", "-", "false", "nil", "tbc"]);

/** Collects findings for the row being read; bidder and ref are stamped on each. */
class Sink {
  readonly findings: Finding[] = [];
  readonly counts: FindingCounts = { error: 0, warning: 0, info: 0 };
  row = 0;
  bidder: string | undefined;
  ref: string | undefined;
  rowErrors = 0;

  startRow(row: number): void {
    this.row = row;
    this.bidder = undefined;
    this.ref = undefined;
    this.rowErrors = 0;
  }

  add(column: CommitmentColumn | CalculatedColumn, d: Described, otherRow?: number): void {
    this.findings.push({
      code: d.code,
      severity: d.severity,
      row: this.row,
      column,
      bidder: this.bidder,
      ref: this.ref,
      otherRow,
      message: d.message,
      action: d.action,
    });
    this.counts[d.severity]++;
    // A measure claimed twice still counts both rows, as SV Scores sums every row whose Check
    // shows no error; the bid is held back for it instead (core heldBids, SV_Scores[Held]).
    if (d.severity === "error" && d.code !== DUPLICATE_MEASURE) this.rowErrors++;
  }
}

interface RefLookup<M> {
  text: string | undefined;
  measure: M | undefined;
}

const UNIT_BLANK = "blank";
const UNIT_UNKNOWN = "unknown";
type UnitRead = UnitKey | typeof UNIT_BLANK | typeof UNIT_UNKNOWN | "error" | "not-text";

/**
 * The single-row rules, shared by the validator and `checkCommitment` so both report the
 * same codes. `resolve` reads the ref (no findings yet, so the row's findings can carry it);
 * `check` then reports on Ref, Quantity and Unit, in that order.
 */
class RowReader<M extends CheckableMeasure> {
  private readonly refCache = new Map<string, RefLookup<M>>();
  private readonly unitCache = new Map<string, UnitKey | null>();
  private ref: RefLookup<M> = { text: undefined, measure: undefined };

  /** The row's measure, when its ref is in the table. */
  measure: M | undefined;
  /** A non-negative quantity, once `check` has read one. */
  quantity: number | undefined;
  /** The unit is blank or the measure's own. */
  unitMatches = false;

  constructor(
    private readonly index: ReadonlyMap<string, M>,
    private readonly contractValue?: number
  ) {}

  resolve(cell: unknown): { text: string | undefined; measure: M | undefined } {
    let hit: RefLookup<M> | undefined;
    if (typeof cell === "string") {
      hit = this.refCache.get(cell);
      if (hit === undefined) {
        hit = this.lookUp(cell);
        this.refCache.set(cell, hit);
      }
    } else {
      hit = this.lookUp(cell);
    }
    this.ref = hit;
    this.measure = hit.measure;
    return hit;
  }

  private lookUp(cell: unknown): RefLookup<M> {
    const text = readText(cell);
    return { text, measure: text === undefined ? undefined : this.index.get(refKey(text)) };
  }

  private readUnit(cell: unknown): UnitRead {
    if (typeof cell === "string") {
      const hit = this.unitCache.get(cell);
      if (hit !== undefined) return hit ?? UNIT_UNKNOWN;
      if (cell.trim().length === 0) return UNIT_BLANK;
      const text = readText(cell);
      if (text === undefined) return "error"; // a string readText refuses is an error literal
      const key = parseUnit(text) ?? null;
      this.unitCache.set(cell, key);
      return key ?? UNIT_UNKNOWN;
    }
    if (isBlank(cell)) return UNIT_BLANK;
    if (cellError(cell) !== undefined) return "error";
    const text = readText(cell);
    if (text === undefined) return "not-text";
    return parseUnit(text) ?? UNIT_UNKNOWN;
  }

  check(sink: Sink, refCell: unknown, quantityCell: unknown, unitCell: unknown, clarified?: RowPlausibility["clarified"]): void {
    const measure = this.measure;
    const unit = this.readUnit(unitCell);
    this.unitMatches = unit === UNIT_BLANK || (measure !== undefined && unit === measure.unit);
    this.quantity = undefined;

    // Ref.
    const refText = this.ref.text;
    if (refText === undefined) {
      if (isBlank(refCell)) sink.add("Ref", describeRowFinding("refMissing"));
      else reportUnreadable(sink, "Ref", refCell);
    } else if (measure === undefined) {
      // A ref of invisible characters alone is no ref (refKey is blank), as the import reads it.
      sink.add("Ref", refKey(refText) === "" ? describeRowFinding("refMissing") : describeRowFinding("unknownMeasure", { ref: quote(refText) }));
    } else {
      // The measure was found by refKey; the sheet's lookup (MATCH on the trimmed ref) may not find it.
      const written = typeof refCell === "string" ? refCell : refText;
      if (written !== measure.ref && sheetKey(written) !== sheetKey(measure.ref)) sink.add("Ref", describeRowFinding("refLookAlike", { ref: quote(cleanText(refText)), measure: measure.ref }));
      if (measure.inScope === false) sink.add("Ref", describeRowFinding("measureNotInScope", { ref: measure.ref }));
      if (measure.type === "Record") sink.add("Ref", describeRowFinding("recordOnly", { ref: measure.ref }));
      // A measure the council has not priced yet (Essex ships two proxies): the row is valued at
      // £0, which must never pass for a real value. Undefined (SVCHECK given no proxies) is not checked.
      else if (measure.proxy === null && measure.inScope !== false) sink.add("Proxy", describeRowFinding("proxyMissing", { ref: measure.ref }));
    }

    // Quantity. A finite number, by far the commonest cell, is read without allocating.
    if (typeof quantityCell === "number" && Number.isFinite(quantityCell)) {
      this.checkQuantity(sink, quantityCell + 0, false, quantityCell); // + 0 turns -0 into 0
    } else {
      const q = readQuantity(quantityCell);
      if (q.kind === "blank") sink.add("Quantity", describeRowFinding("quantityMissing"));
      else if (q.kind === "number") this.checkQuantity(sink, q.value, q.fromText, quantityCell);
      else if (q.reason === "error") reportUnreadable(sink, "Quantity", quantityCell);
      else sink.add("Quantity", describeRowFinding("quantityNotNumber", { found: describeCell(quantityCell) }));
    }

    if (this.quantity !== undefined && measure !== undefined && this.unitMatches) this.checkPlausible(sink, measure, this.quantity, clarified);

    // Unit.
    if (unit === "error" || unit === "not-text") {
      reportUnreadable(sink, "Unit", unitCell);
    } else if (unit === UNIT_UNKNOWN) {
      sink.add("Unit", describeRowFinding("unitUnrecognised", { unit: describeCell(unitCell) }));
    } else if (unit !== UNIT_BLANK && measure !== undefined && unit !== measure.unit) {
      sink.add(
        "Unit",
        describeRowFinding("unitMismatch", { unit: describeCell(unitCell), ref: measure.ref, expected: UNITS[measure.unit].label })
      );
    }
  }

  /**
   * SV123 and SV124: a figure no bidder can credibly deliver as stated. Errors until the panel
   * records an outcome; then SV125 says which (on the Quantity cell, where the figure is).
   */
  private checkPlausible(sink: Sink, measure: M, quantity: number, clarified: RowPlausibility["clarified"]): void {
    const found: Described[] = [];
    const cv = this.contractValue;
    if (cv !== undefined) {
      const worth = measure.type !== "Record" && typeof measure.proxy === "number" ? quantity * measure.proxy : 0;
      const money = UNITS[measure.unit].money;
      if (worth > cv || (money && quantity > cv)) {
        const figure = money ? formatGBP(quantity) : `${formatNumber(quantity, 2)} ${UNITS[measure.unit].label} (worth ${formatGBP(worth)})`;
        found.push(describeRowFinding("commitmentOverContract", { figure, ref: measure.ref, contractValue: formatGBP(cv) }));
      }
    }
    if (typeof measure.ceiling === "number" && quantity > measure.ceiling) {
      found.push(describeRowFinding("quantityAboveCeiling", { quantity, ref: measure.ref, ceiling: measure.ceiling }));
    }
    if (found.length === 0) return;
    if (clarified !== undefined) sink.add("Quantity", describeRowFinding("commitmentClarified", { outcome: describeOutcome(clarified) }));
    else for (const d of found) sink.add("Quantity", d);
  }

  private checkQuantity(sink: Sink, value: number, fromText: boolean, cell: unknown): void {
    if (fromText) sink.add("Quantity", describeRowFinding("quantityAsText", { text: describeCell(cell), quantity: value }));
    if (value < 0) {
      sink.add("Quantity", describeRowFinding("quantityNegative", { quantity: value }));
      return;
    }
    this.quantity = value;
    if (this.measure !== undefined && this.unitMatches) checkRange(sink, this.measure, value);
  }
}

/** Whole number, percentage and maximum: the checks that depend on the measure's unit. */
function checkRange(sink: Sink, measure: CheckableMeasure, value: number): void {
  const info = UNITS[measure.unit];
  if (info.integer && !Number.isInteger(value)) {
    sink.add(
      "Quantity",
      describeRowFinding("quantityNotWhole", { ref: measure.ref, unit: measure.unit === "people" ? "people" : "items", quantity: value })
    );
  }
  if (info.percentage) {
    if (value > 100) {
      sink.add("Quantity", describeRowFinding("percentOver100", { quantity: value }));
      return;
    }
    if (value > 0 && value < 1) sink.add("Quantity", describeRowFinding("percentAsFraction", { quantity: value, percent: value * 100 }));
  }
  if (measure.max !== undefined && value > measure.max) {
    sink.add("Quantity", describeRowFinding("quantityAboveMax", { quantity: value, ref: measure.ref, max: measure.max }));
  }
}

/** A cell that is neither blank nor readable: an Excel error, or not text at all. */
function reportUnreadable(sink: Sink, column: CommitmentColumn, cell: unknown): void {
  const error = cellError(cell);
  if (error !== undefined) sink.add(column, describeRowFinding("cellError", { column, error: clip(error, 20) }));
  else sink.add(column, describeRowFinding("notText", { column, found: describeCell(cell) }));
}

function hasEvidence(cell: unknown): boolean {
  if (cell === true) return true;
  const text = readText(cell);
  return text !== undefined && !NO_EVIDENCE.has(text.toLowerCase());
}

function isBlankRow(r: CommitmentInputRow): boolean {
  return isBlank(r.bidder) && isBlank(r.ref) && isBlank(r.quantity) && isBlank(r.unit) && isBlank(r.evidence);
}

interface BidderState {
  name: string;
  firstRow: number;
  /** £ of the bidder's accepted commitments, as counted after any clarification of a row. */
  total: number;
  /** Indexes of the bidder's accepted commitments in the result. */
  accepted: number[];
  /** First row claiming each measure. */
  claims: Map<MeasureEntry, number>;
}

/** Each measure's exclusive partners, both directions (ECC11 excludes ECC12 ⇒ ECC12 excludes ECC11). */
function exclusionsOf(index: ReadonlyMap<string, MeasureEntry>): ReadonlyMap<MeasureEntry, readonly MeasureEntry[]> {
  const out = new Map<MeasureEntry, MeasureEntry[]>();
  const link = (a: MeasureEntry, b: MeasureEntry): void => {
    const list = out.get(a);
    if (list === undefined) out.set(a, [b]);
    else if (!list.includes(b)) list.push(b);
  };
  for (const m of index.values()) {
    for (const ref of m.excludes ?? []) {
      const other = typeof ref === "string" ? index.get(refKey(ref)) : undefined;
      if (other !== undefined && other !== m) {
        link(m, other);
        link(other, m);
      }
    }
  }
  return out;
}

/** The typed-over cells by row, each row's in column order; entries that are not one are dropped. */
function typedOverByRow(cells: readonly TypedOverFormula[] | undefined): Map<number, TypedOverFormula[]> {
  const byRow = new Map<number, TypedOverFormula[]>();
  for (const cell of cells ?? []) {
    if (cell === null || typeof cell !== "object" || !Number.isInteger(cell.row) || !CALCULATED_COLUMNS.includes(cell.column)) continue;
    const list = byRow.get(cell.row) ?? [];
    if (!list.some((c) => c.column === cell.column)) list.push(cell);
    byRow.set(cell.row, list);
  }
  for (const list of byRow.values()) list.sort((a, b) => COLUMN_RANK[a.column] - COLUMN_RANK[b.column]);
  return byRow;
}

function positive(n: unknown): n is number {
  return typeof n === "number" && Number.isFinite(n) && n > 0;
}

/** SV121 on the row's Value or Type where the cell is not what its formula gives, as SV Scores reads it; the columns flagged. */
function checkCalculatedCells(sink: Sink, cells: RowCalculatedCells, formulas: RowFormulaResults): Set<CalculatedColumn> {
  const flagged = new Set<CalculatedColumn>();
  const flag = (column: "Type" | "Value", found: unknown, detail: string): void => {
    flagged.add(column);
    sink.add(column, describeRowFinding("typedOverFormula", { column, found: describeCell(found), detail, sheetBlind: "" }));
  };
  if (!sameType(cells.type, formulas.type)) flag("Type", cells.type, `, where its formula gives ${formulas.type.trim() === "" ? "nothing" : quote(formulas.type.trim())}`);
  // An Excel error in Value is SV_Scores[Held]'s to name ("an Excel error in its Value").
  const summed = valueAsSummed(cells.value);
  if (summed !== undefined && summed !== formulas.value) flag("Value", cells.value, `, where its formula gives ${exactGBP(formulas.value)}`);
  return flagged;
}

/** A £ figure to the penny, or to as many places as tell it from a figure typed to the penny. */
function exactGBP(value: number): string {
  return Math.round(value * 100) / 100 === value ? formatGBP(value) : `£${formatNumber(value, 6)}`;
}

/** What a row's Value and Type formulas give, once the reader has found its measure and quantity; undefined before. */
function rowFormulas(reader: RowReader<CheckableMeasure>, clarified: Pick<Clarification, "outcome" | "cappedAt"> | undefined): RowFormulaResults | undefined {
  const m = reader.measure;
  if (m === undefined || reader.quantity === undefined) return undefined;
  return { value: formulaValue(countedQuantity(reader.quantity, clarified), m.proxy, m.type), type: m.typeAsWritten ?? m.type ?? "" };
}

/** Validate commitment rows; see the file comment for the rules. Never throws on cell content. */
export function validateCommitments(
  rows: readonly CommitmentInputRow[],
  measures: readonly MeasureEntry[],
  context: ValidationContext = {}
): ValidationResult {
  const index = indexMeasures(measures);
  const exclusions = exclusionsOf(index);
  const contractValue = positive(context.contractValue) ? context.contractValue : undefined;
  const quartile = positive(context.deliverabilityReturn) ? context.deliverabilityReturn : DEFAULT_DELIVERABILITY_RETURN;

  const clarified = indexClarifications(context.clarifications ?? []);

  const sink = new Sink();
  const reader = new RowReader(index, contractValue);
  const commitments: Commitment[] = [];
  const bidders = new Map<string, BidderState>();
  const bidderCache = new Map<string, BidderState | null>();

  // SV Scores' spellings: as its formulas compare them (sheetKey), and by the add-in's key (nameKey).
  const sheetBidders = context.sheetBidders?.filter((b): b is string => typeof b === "string" && bidderKey(b) !== "");
  const sheetKeys = new Set(sheetBidders?.map(sheetKey));
  const sheetSpelling = new Map<string, string>();
  for (const b of sheetBidders ?? []) if (!sheetSpelling.has(bidderKey(b))) sheetSpelling.set(bidderKey(b), b);
  const bidderOf = (cell: unknown, row: number): BidderState | undefined => {
    if (typeof cell === "string") {
      const hit = bidderCache.get(cell);
      if (hit !== undefined) return hit ?? undefined;
    }
    const name = readText(cell);
    let state: BidderState | undefined;
    // A name of invisible characters alone is no name (bidderKey is blank), as the import reads it.
    if (name !== undefined && bidderKey(name) !== "") {
      const key = bidderKey(name);
      state = bidders.get(key);
      if (state === undefined) {
        // Named as SV Scores spells the bidder, where it lists them, whatever spelling comes first.
        state = { name: sheetSpelling.get(key) ?? name, firstRow: row, total: 0, accepted: [], claims: new Map() };
        bidders.set(key, state);
      }
    }
    if (typeof cell === "string") bidderCache.set(cell, state ?? null);
    return state;
  };

  // Whether a spelling of a bidder's name is one SV Scores' formulas may not match (SV127), once per spelling.
  const lookAlikes = new Map<string, string | null>();
  /** The spelling to retype, when SV Scores' formulas cannot match this one; null when they can. */
  const lookAlike = (written: string, name: string): string | null => {
    let found = lookAlikes.get(written);
    if (found === undefined) {
      if (sheetBidders !== undefined) {
        const listed = sheetSpelling.get(bidderKey(written));
        // A bidder SV Scores does not list is not this rule's to report.
        found = listed !== undefined && !sheetKeys.has(sheetKey(written)) ? listed : null;
      } else {
        found = hasInvisibleCharacters(written) || (written !== name && sheetKey(written) !== sheetKey(name)) ? name : null;
      }
      lookAlikes.set(written, found);
    }
    return found;
  };

  const typedOver = typedOverByRow(context.typedOverFormulas);
  /**
   * The row's typed-over cells: SV121 where a figure changes (and for Check, which the sheet
   * cannot see), else SV128; `flagged` are the columns already found not to be their formula's.
   */
  const reportTypedOver = (row: number, formulas?: RowFormulaResults, flagged?: ReadonlySet<CalculatedColumn>): void => {
    for (const cell of typedOver.get(row) ?? []) {
      if (flagged?.has(cell.column)) continue;
      const found = describeCell(cell.found);
      const reason = noFigureRelies(cell.column, cell.found, formulas);
      if (reason !== undefined) sink.add(cell.column, describeFinding("typedOverSameFigure", { column: cell.column, found, reason }));
      else sink.add(cell.column, describeFinding("typedOverFormula", { column: cell.column, found, detail: "", sheetBlind: cell.column === "Check" ? CHECK_TYPED_OVER : "" }));
    }
    typedOver.delete(row);
  };

  for (const input of rows) {
    if (input === null || typeof input !== "object") continue;
    if (isBlankRow(input)) {
      if (typedOver.has(input.row)) {
        sink.startRow(input.row);
        // An empty row's Value formula gives 0 and its Type formula nothing.
        reportTypedOver(input.row, { value: 0, type: "" });
      }
      continue;
    }
    const row = input.row;
    sink.startRow(row);

    const bidder = bidderOf(input.bidder, row);
    const { text: refText, measure } = reader.resolve(input.ref);
    sink.bidder = bidder?.name;
    sink.ref = measure !== undefined ? measure.ref : refText;

    if (bidder === undefined) {
      if (isBlank(input.bidder) || (typeof input.bidder === "string" && bidderKey(input.bidder) === "")) sink.add("Bidder", describeFinding("bidderMissing"));
      else reportUnreadable(sink, "Bidder", input.bidder);
    } else if (typeof input.bidder === "string") {
      // One bidder to the add-in (bidderKey), which SV Scores' formulas may not see (sheetKey).
      const retype = lookAlike(input.bidder, bidder.name);
      if (retype !== null) sink.add("Bidder", describeFinding("bidderLookAlike", { written: quote(cleanText(input.bidder)), bidder: quote(cleanText(retype)) }));
    }

    // Most tables have no clarification: skip building the key (two name comparisons) per row.
    const outcome = clarified.size > 0 && bidder !== undefined && measure !== undefined ? clarified.get(clarificationKey(bidder.name, measure.ref)) : undefined;
    reader.check(sink, input.ref, input.quantity, input.unit, outcome);
    const quantity = reader.quantity;

    if (measure !== undefined) {
      if (measure.evidenceRequired && !hasEvidence(input.evidence)) {
        sink.add("Evidence", describeFinding("evidenceMissing", { ref: measure.ref }));
      }
      if (bidder !== undefined) {
        const first = bidder.claims.get(measure);
        if (first !== undefined) {
          sink.add("Ref", describeFinding("duplicateMeasure", { bidder: bidder.name, ref: measure.ref, otherRow: first }), first);
        } else {
          bidder.claims.set(measure, row);
          const partners = exclusions.get(measure);
          if (partners !== undefined) {
            for (const other of partners) {
              const otherRow = bidder.claims.get(other);
              if (otherRow !== undefined) {
                sink.add(
                  "Ref",
                  describeFinding("exclusiveMeasures", { bidder: bidder.name, ref: measure.ref, otherRef: other.ref, otherRow }),
                  otherRow
                );
              }
            }
          }
        }
      }
    }

    // Value and Type as the Check column judges them, where they were read (a formula of one's
    // own written over either is no typed value, yet SV Scores reads it all the same).
    const formulas = sink.rowErrors === 0 ? rowFormulas(reader, outcome) : undefined;
    const flagged = formulas !== undefined && input.calculated !== undefined ? checkCalculatedCells(sink, input.calculated, formulas) : undefined;
    reportTypedOver(row, formulas, flagged);

    if (sink.rowErrors === 0 && bidder !== undefined && measure !== undefined && quantity !== undefined) {
      const counted = countedQuantity(quantity, outcome);
      bidder.accepted.push(commitments.length);
      commitments.push({ row, bidder: bidder.name, ref: measure.ref, quantity: counted });
      if (measure.type !== "Record" && measure.proxy !== null) bidder.total += counted * measure.proxy;
    }
  }

  // Cells on rows the input did not list are still reported, on their own.
  for (const row of [...typedOver.keys()]) {
    sink.startRow(row);
    reportTypedOver(row);
  }

  if (contractValue !== undefined) {
    for (const bidder of bidders.values()) {
      sink.startRow(bidder.firstRow);
      sink.bidder = bidder.name;
      let issue: Described | undefined;
      if (bidder.total > contractValue) {
        issue = describeFinding("bidTotalOverContract", {
          bidder: bidder.name,
          total: formatGBP(bidder.total),
          contractValue: formatGBP(contractValue),
        });
      } else if (bidder.total / contractValue > FAR_ABOVE_FACTOR * quartile) {
        issue = describeFinding("bidReturnImplausible", {
          bidder: bidder.name,
          return: formatPercent(bidder.total / contractValue),
          quartile: formatPercent(quartile),
        });
      }
      if (issue === undefined) continue;
      const outcome = clarified.get(clarificationKey(bidder.name, undefined));
      if (outcome === undefined) {
        sink.add("Bidder", issue);
        continue;
      }
      sink.add("Bidder", describeFinding("bidClarified", { bidder: bidder.name, outcome: describeOutcome(outcome) }));
      // The whole bid counts its outcome: each row scaled by the same factor, so the bid's £ is
      // the cap (or 0) and its rows keep their shares of it.
      const factor = countedQuantity(bidder.total, outcome) / bidder.total;
      for (const i of bidder.accepted) {
        const c = commitments[i]!;
        commitments[i] = { ...c, quantity: c.quantity * factor };
      }
    }
  }

  const findings = sink.findings;
  // Nearly sorted already (rows arrive in order); V8's TimSort makes this close to one pass.
  findings.sort((a, b) => a.row - b.row || COLUMN_RANK[a.column] - COLUMN_RANK[b.column]);
  return { findings, commitments, counts: sink.counts };
}

/** SV121 on a Check cell: the sheet reads the row as the typed Check says, so the two disagree until the formula is back. */
const CHECK_TYPED_OVER =
  ": SV Scores reads this row as the typed Check says, so it may score a bid the Scores page holds back; rely on the Scores page until the formula is copied back";

const SEVERITY_ORDER: readonly Severity[] = ["error", "warning", "info"];

/**
 * One row's own cells checked against the measure table: `"OK"`, or the first problem as a
 * short message starting with its code ("SV103 “ECC99” is not a measure …"). This is
 * `TENDER.SVCHECK`. The first error in argument order (ref, quantity, unit) wins, then the
 * first warning, then the first info: an info still explains what the sheet shows (a quantity
 * typed as text breaks `TENDER.SVVALUE`; a record-only measure is worth £0). Rules that need
 * other rows, the bidder, evidence or the contract value are the task pane's.
 *
 * `measures` is keyed by `refKey` (as `indexMeasures` builds it). A blank row is "OK".
 */
export function checkCommitment(
  ref: unknown,
  quantity: unknown,
  unit: unknown,
  measures: ReadonlyMap<string, CheckableMeasure>,
  plausibility: RowPlausibility = {},
  calculated?: RowCalculatedCells
): string {
  // An empty row is OK; given its calculated cells (the Check formula, which passes them only
  // for a row with a bidder at least), a row with no ref, quantity or unit commits to nothing.
  if (calculated === undefined && isBlank(ref) && isBlank(quantity) && isBlank(unit)) return "OK";
  const sink = new Sink();
  const reader = new RowReader(measures, positive(plausibility.contractValue) ? plausibility.contractValue : undefined);
  reader.resolve(ref);
  reader.check(sink, ref, quantity, unit, plausibility.clarified);
  // A Value or Type written over its formula that SV Scores reads differently: the row is
  // faulty, as the pane finds it (typedOver.ts).
  if (calculated !== undefined && sink.rowErrors === 0) {
    const formulas = rowFormulas(reader, plausibility.clarified);
    if (formulas !== undefined) checkCalculatedCells(sink, calculated, formulas);
  }
  for (const severity of SEVERITY_ORDER) {
    const first = sink.findings.find((f) => f.severity === severity);
    if (first !== undefined) return first.code + " " + first.message;
  }
  return "OK";
}

/** Codes `checkCommitment` can return (the SV1xx single-row rules it applies). */
export const CHECK_COMMITMENT_CODES: readonly FindingCode[] = (
  [
    "refMissing",
    "unknownMeasure",
    "measureNotInScope",
    "cellError",
    "notText",
    "unitUnrecognised",
    "unitMismatch",
    "quantityMissing",
    "quantityNotNumber",
    "quantityNegative",
    "quantityNotWhole",
    "percentOver100",
    "quantityAboveMax",
    "quantityAsText",
    "percentAsFraction",
    "recordOnly",
    "proxyMissing",
    "refLookAlike",
    "commitmentOverContract",
    "quantityAboveCeiling",
    "commitmentClarified",
  ] as const satisfies readonly RowFindingName[]
).map((name) => ROW_FINDINGS[name].code);
