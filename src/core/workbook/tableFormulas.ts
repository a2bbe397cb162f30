/**
 * The formulas of the evaluation's calculated columns, by table and header: the workbook's
 * own rules, written once. Setup writes them when it builds the tables
 * (src/excel/setup/evaluationPlan.ts); every operation that adds rows to a table writes them
 * into its new rows itself (core write plans, the form import), because Excel fills a
 * calculated column into new rows only while the user's AutoCorrect option "Fill formulas in
 * tables to create calculated columns" is on, and that option applies to add-ins too.
 */
import { SETTING_NAMES, SHEETS, TABLES } from "../shared/layout";
import { DUPLICATE_HELD_TEXT, HOLDING_CODES } from "../scores/heldBids";
import { FINDINGS } from "../validate/findings";
import { DEFAULT_DELIVERABILITY_RETURN, FAR_ABOVE_FACTOR } from "../validate/validateCommitments";
import { consecutiveRuns } from "../shared/runs";

/*
 * The commitment row's formulas. Two facts of real Excel shape them:
 *
 * - Excel marshals every argument of a custom function across to the add-in's runtime, in
 *   batches with a 5 MB payload limit (office-js #4654). A row that passed whole SV_Measures
 *   columns sent the table once per row: 10,000 rows × a few hundred measures is hundreds of
 *   MB per recalculation, and the web sits at #BUSY!. So each row finds its measure with
 *   native MATCH/INDEX and hands the TENDER function that one measure's cells.
 * - Desktop builds before a 2024 fix pass an empty cell to a custom function as 0
 *   (office-js #4702), where the web passes null: a blank quantity would read as a committed
 *   0, a blank ref as measure "0". So a TENDER function never receives a raw cell that may
 *   be empty: an empty cell is turned into "" natively (`IF(ISBLANK(…),"",…)`, or `&""` for
 *   text looked up in the measure table), and every build gives the same answer.
 */

/**
 * Text as the pane compares it (refKey, bidderKey), as far as Excel can in a short formula: as
 * text (a ref typed as the number 101 is "101"), with no-break spaces made spaces, control
 * characters such as tabs removed (CLEAN) and runs of spaces trimmed to one (TRIM). Excel's = and
 * MATCH already ignore case. The rest of the pane's rule (zero-width and other invisible
 * characters, thin and ideographic spaces, fullwidth letters: core names.ts) has no Excel
 * function short enough to repeat in every row, so the form import writes names and refs as the
 * workbook spells them, and the validator flags a typed cell the sheet cannot match (SV126, SV127;
 * core sheetKey mirrors this expression).
 * Used on a row's own cells (one value each); see MEASURE_POSITION for the measure table.
 */
function textKey(expression: string): string {
  return `TRIM(CLEAN(SUBSTITUTE(${expression}&"",UNICHAR(160)," ")))`;
}

/** The row's ref as MATCH's lookup value: its key, with MATCH's wildcards escaped, so "ECC1*" is not taken for ECC10. */
const ROW_REF_KEY = `SUBSTITUTE(SUBSTITUTE(SUBSTITUTE(${textKey("[@Ref]")},"~","~~"),"*","~*"),"?","~?")`;

/**
 * Where the row's measure is in SV_Measures, or #N/A. The measure table's refs are compared as
 * they stand: normalising them too would make every row compare its key with every measure's,
 * several times over (Setup and measure updates write refs trimmed; a stray space typed into
 * SV_Measures shows as SV103 on the rows that use that measure).
 */
const MEASURE_POSITION = `MATCH(${ROW_REF_KEY},${TABLES.measures}[Ref],0)`;

/** The row's measure's cell in `column`, as Excel returns it (a blank cell reads as 0), or "" if the ref is no measure. */
function measureCell(column: string): string {
  return `IFERROR(INDEX(${TABLES.measures}[${column}],${MEASURE_POSITION}),"")`;
}

/** The same as text: "" for a blank cell on every build (a ref, unit or Yes/No is text). */
function measureText(column: string): string {
  return `IFERROR(INDEX(${TABLES.measures}[${column}],${MEASURE_POSITION})&"","")`;
}

/** A row's own cell as a TENDER function should receive it: "" when empty, whichever way the build passes blanks. */
function rowCell(column: string): string {
  return `IF(ISBLANK([@${column}]),"",[@${column}])`;
}

/** A table column's own lookup into the measure table. */
function lookup(column: string): string {
  return `=${measureCell(column)}`;
}

/**
 * Proxy: the measure's proxy, left blank (not 0) when SV Measures has none, so a measure the
 * council has not priced never reads as priced at £0 (the row's Check says SV122). A second
 * MATCH, because INDEX of a blank cell gives 0 and only a comparison tells the two apart.
 */
const COMMITMENT_PROXY_FORMULA = `=IFERROR(IF(INDEX(${TABLES.measures}[Proxy],${MEASURE_POSITION})="","",INDEX(${TABLES.measures}[Proxy],${MEASURE_POSITION})),"")`;

/*
 * The panel's clarification of this row (SV Clarifications, issue #16 point 4), as core
 * readClarifications decides it. SV_Clarifications[Counts] says whether a clarification row
 * counts and how ("Accepted", "Excluded", "Capped 500", or "" while it lacks an outcome, a
 * figure to cap at, its reason, who decided or the date), so a commitment row only matches its
 * bidder and ref against the rows that count and takes the first. Kept short on purpose: Value
 * and Check are sent once per row when rows are written, and a longer formula pushes a large
 * import over Excel's 5 MB request limit into an extra request. FILTER finds nothing in an
 * empty table (#CALC!), which IFERROR turns into "no outcome".
 */
const CLARIFICATION = TABLES.clarifications;
const CLARIFIED_MASK =
  `(TRIM(${CLARIFICATION}[Bidder]&"")=TRIM([@Bidder]&""))*(TRIM(${CLARIFICATION}[Ref]&"")=TRIM([@Ref]&""))*(${CLARIFICATION}[Counts]<>"")`;
/** The row's recorded outcome, as SVCHECK reads it ("Accepted", "Excluded", "Capped 500"), or "". */
const ROW_OUTCOME_TEXT = `IFERROR(INDEX(FILTER(${CLARIFICATION}[Counts],${CLARIFIED_MASK}),1),"")`;
/** The quantity the row counts (core countedQuantity): 0 when excluded, the cap when capped below the quantity, else the quantity as given. */
const COUNTED_QUANTITY =
  `IFERROR(INDEX(FILTER(IF(${CLARIFICATION}[Counts]="Excluded",0,IF((LEFT(${CLARIFICATION}[Counts],6)="Capped")*(${CLARIFICATION}[CappedAt]<[@Quantity]),` +
  `${CLARIFICATION}[CappedAt],[@Quantity])),${CLARIFIED_MASK}),1),[@Quantity])`;

/** A clarification row's Outcome, trimmed. */
const OUTCOME = `TRIM([@Outcome]&"")`;
/**
 * SV_Clarifications[Counts]: the outcome as it counts, or "" when the row is no outcome yet
 * (core readClarifications: a bidder, one of the three outcomes, a CappedAt of 0 or more for
 * Capped, and a Reason, DecidedBy and DecidedAt that is an Excel date). FALSE() rather than a
 * bare FALSE, here and in implausible(): Excel reads both, but some formula engines (the
 * playground's) take a bare FALSE for a name and show #NAME?.
 */
const CLARIFICATION_COUNTS =
  `=IF(AND(TRIM([@Bidder]&"")<>"",TRIM([@Reason]&"")<>"",TRIM([@DecidedBy]&"")<>"",IF(ISNUMBER([@DecidedAt]),[@DecidedAt]>0,FALSE())),` +
  `IF(${OUTCOME}="Accepted","Accepted",IF(${OUTCOME}="Excluded","Excluded",` +
  `IF(${OUTCOME}="Capped",IF(ISNUMBER([@CappedAt]),IF([@CappedAt]>=0,"Capped "&[@CappedAt],""),""),""))),"")`;

/**
 * Value: the counted quantity (the quantity as given, or the panel's clarified figure) × the row's measure's proxy. A record-only measure (Type "Record") is worth
 * £0 whatever its Proxy cell holds, as the pane values it (core valuation, which reads a Type
 * trimmed and in any case, as TRIM and Excel's = do here); a blank proxy reaches SVVALUE as 0 or
 * blank, £0 either way.
 */
const COMMITMENT_VALUE_FORMULA =
  `=IF(OR([@Ref]="",[@Quantity]=""),0,TENDER.SVVALUE([@Ref],${COUNTED_QUANTITY},${measureText("Ref")},` +
  `IF(TRIM(${measureText("Type")})="Record","",${measureCell("Proxy")})))`;

/**
 * Check: the row against its own measure only (its ref, unit, InScope, Proxy, Type and Ceiling)
 * and the contract value, "OK" for an empty row; an implausible figure with a recorded outcome
 * says so (SV125) rather than holding the bid. Proxy and Type go as text, so a blank proxy (a measure the council has not
 * priced: SV122, the row counts £0) reads as blank on every build, not as a proxy of 0.
 * The row's own Value and Type go too, so a figure typed over either formula that SV Scores
 * would read differently is SV121 and holds the bid, as the pane holds it (core typedOver.ts).
 * Value goes as SV Scores' SUM reads it, N(): text as 0, so only an error in Value becomes "#",
 * which SV_Scores[Held] names itself. A row with a bidder and nothing
 * else is not empty: it commits to nothing (SV102), as the pane reads it.
 */
const COMMITMENT_CHECK_FORMULA =
  `=IF(AND(ISBLANK([@Bidder]),ISBLANK([@Ref]),ISBLANK([@Quantity]),ISBLANK([@Unit])),"OK",` +
  `TENDER.SVCHECK(${rowCell("Ref")},${rowCell("Quantity")},${rowCell("Unit")},${measureText("Ref")},${measureText("Unit")},${measureText("InScope")},` +
  `${measureText("Proxy")},${measureText("Type")},${measureText("Ceiling")},${SETTING_NAMES.contractValue},${ROW_OUTCOME_TEXT},` +
  `IFERROR(N([@Value]),"#"),IFERROR([@Type]&"","")))`;

/**
 * Why a bid is disregarded, or "" when it counts. The tender may require both parts (Torbay:
 * a response without a quantitative and a qualitative part is disregarded); a part is required
 * only when it carries points, as core scoreBids decides: commitments when SV_QuantShare > 0
 * (the bid lacks them when its £ is not above 0), answers when SV_QuantShare < 1 (it lacks
 * them when none of its rows on SV Moderation has a numeric Mark).
 */
const NO_COMMITMENTS = `AND(${SETTING_NAMES.quantitativeShare}>0,NOT([@Value]>0))`;
const NO_ANSWERS = `AND(${SETTING_NAMES.quantitativeShare}<1,COUNTIFS(${TABLES.consensus}[Bidder],[@Bidder],${TABLES.consensus}[Mark],">=0")=0)`;
const DISREGARDED =
  `=IF(TRIM(${SETTING_NAMES.requireBothParts})<>"Yes","",` +
  `IF(${NO_COMMITMENTS},IF(${NO_ANSWERS},"No commitments or answers","No commitments"),` +
  `IF(${NO_ANSWERS},"No answers","")))`;

/** The rows of SV_Marks for this consensus row's bidder and criterion, as COUNTIFS/SUMIFS criteria. */
const SAME_ITEM = `${TABLES.marks}[Bidder],[@Bidder],${TABLES.marks}[Criterion],[@Criterion]`;
/** The same rows with a numeric mark as a 1/0 array, for FILTER (Excel's = compares text case-insensitively, as SUMIFS does). */
const SAME_ITEM_MASK = `(${TABLES.marks}[Bidder]=[@Bidder])*(${TABLES.marks}[Criterion]=[@Criterion])*ISNUMBER(${TABLES.marks}[Mark])`;
/** Marks given as numbers: a mark typed as text ("4 ", "four") is not counted, as MINIFS and SUMIFS skip it too. */
const MARKS_GIVEN = `COUNTIFS(${SAME_ITEM},${TABLES.marks}[Mark],">=0")`;

/**
 * SV_Commitments rows of this SV_Scores row's bidder, as a TRUE/FALSE array: names compared as
 * the pane compares them (trimmed, any case), which SUMIFS would not (a trailing space, or * ?
 * ~ < > = in a name, would drop or add rows). A row whose Value is an error (a text quantity)
 * makes its own bidder's total that error, and no one else's.
 */
const SAME_BIDDER = `${textKey(`${TABLES.commitments}[Bidder]`)}=${textKey("[@Bidder]")}`;

/**
 * Commitments whose Check shows an error (core heldBids.ts: the row is faulty and holds its bid
 * back), as a TRUE/FALSE array: the code the Check starts with, found among the catalogue's
 * error codes. FIND, not MATCH, because both Excel and HyperFormula apply it cell by cell over a
 * column; a Check that is itself an Excel error reads as not faulty (its row's Value then shows
 * the trouble, and SV_Scores[Held] catches it).
 */
const ERROR_CODE_LIST = ` ${HOLDING_CODES.join(" ")} `;
const FAULTY = `ISNUMBER(FIND(" "&LEFT(${TABLES.commitments}[Check],5)&" ","${ERROR_CODE_LIST}"))`;
/** This bidder's rows that count: neither faulty nor someone else's. A faulty row's Value (often an error) is never read. */
const COUNTED = `(${SAME_BIDDER})*NOT(${FAULTY})`;
/** Position in SV_Commitments of this bidder's first faulty row, or #N/A. */
const FIRST_FAULT = `MATCH(1,(${SAME_BIDDER})*${FAULTY},0)`;

/** The contract value as a number, 0 when it is not one. */
const CONTRACT_VALUE = `IF(ISNUMBER(${SETTING_NAMES.contractValue}),${SETTING_NAMES.contractValue},0)`;
/** SV_Clarifications rows that record an outcome for this bid as a whole (Ref blank), as a 1/0 array. */
const WHOLE_BID_MASK =
  `(TRIM(${TABLES.clarifications}[Bidder]&"")=TRIM([@Bidder]&""))*(TRIM(${TABLES.clarifications}[Ref]&"")="")*(${TABLES.clarifications}[Counts]<>"")`;
/** The panel has recorded an outcome for this bid as a whole; not in a workbook without the table. */
const WHOLE_BID_CLARIFIED = `IFERROR(SUM(${WHOLE_BID_MASK}),0)>0`;
/** That outcome as it counts ("Accepted", "Excluded", "Capped 500000"), or "". */
const WHOLE_BID_OUTCOME = `IFERROR(INDEX(FILTER(${TABLES.clarifications}[Counts],${WHOLE_BID_MASK}),1),"")`;
/** The £ the panel capped the bid at. */
const WHOLE_BID_CAP = `IFERROR(INDEX(FILTER(${TABLES.clarifications}[CappedAt],${WHOLE_BID_MASK}),1),0)`;

/** £ of this bid's counted rows (each as clarified on its own), before any outcome for the whole bid. */
const ROWS_TOTAL = `SUM(IF(${COUNTED},${TABLES.commitments}[Value],0))`;
/** `total` is implausible as validateCommitments judges a bid's total (SV206, SV207). */
function implausible(total: string): string {
  return `IF(${CONTRACT_VALUE}>0,OR(${total}>${CONTRACT_VALUE},${total}/${CONTRACT_VALUE}>${FAR_ABOVE_FACTOR * DEFAULT_DELIVERABILITY_RETURN}),FALSE())`;
}
/**
 * SV_Scores[Value]: the counted rows' £, or, when that total is implausible and the panel has
 * clarified the whole bid, the outcome's: 0 excluded, the cap when capped below it (core
 * validateCommitments scales the bid's rows to the same figure, so the pane agrees).
 */
const BID_VALUE =
  `=IF(${WHOLE_BID_OUTCOME}="",${ROWS_TOTAL},IF(NOT(${implausible(ROWS_TOTAL)}),${ROWS_TOTAL},IF(${WHOLE_BID_OUTCOME}="Excluded",0,` +
  `IF(LEFT(${WHOLE_BID_OUTCOME},6)="Capped",MIN(${ROWS_TOTAL},${WHOLE_BID_CAP}),${ROWS_TOTAL}))))`;
/** LEV or SV: the £ of the counted rows of that type (trimmed, any case, as the pane reads a Type), scaled as the bid's Value is (exactly that £ when Value is unscaled). */
function partOfValue(type: string): string {
  const part = `SUM(IF(${COUNTED}*(TRIM(${TABLES.commitments}[Type]&"")="${type}"),${TABLES.commitments}[Value],0))`;
  return `=IF(${WHOLE_BID_OUTCOME}="",${part},IF(${ROWS_TOTAL}=0,0,${part}*[@Value]/${ROWS_TOTAL}))`;
}
/**
 * The bid's total judged implausible, as core validateCommitments judges the total of its
 * counted rows (#16 point 4): SV206 above the contract value, SV207 a return above
 * FAR_ABOVE_FACTOR × the benchmark upper quartile (Southend policy, seed 002); #N/A when neither,
 * when no contract value is set, or once the panel has clarified the whole bid.
 */
const BID_TOTAL_CODE =
  `IF(${CONTRACT_VALUE}<=0,NA(),IF(${WHOLE_BID_CLARIFIED},NA(),IF([@Value]>${CONTRACT_VALUE},"${FINDINGS.bidTotalOverContract.code}",` +
  `IF([@Value]/${CONTRACT_VALUE}>${FAR_ABOVE_FACTOR * DEFAULT_DELIVERABILITY_RETURN},"${FINDINGS.bidReturnImplausible.code}",NA()))))`;
/** The bid's first row on SV Commitments, where validation reports a finding about its total. */
const FIRST_ROW = `MATCH(1,(${SAME_BIDDER})*1,0)+ROW(${TABLES.commitments}[#Headers])`;

/** This bidder's rows that name a measure, as a 1/0 array. */
const BID_REFS = `(${SAME_BIDDER})*(${textKey(`${TABLES.commitments}[Ref]`)}<>"")`;
/**
 * The bid claims a measure on two rows (SV201): fewer distinct refs than rows naming one. Refs
 * compared as the Check column's lookup compares them, and in capitals, so " ill9" is ILL9 on
 * any build; FILTER finding no row is an error, read as no duplicate (0: a bare FALSE is a
 * name to some formula engines, and the test host's then fails the whole cell as #NAME?).
 */
const CLAIMS_TWICE =
  `IFERROR(ROWS(UNIQUE(FILTER(UPPER(${textKey(`${TABLES.commitments}[Ref]`)}),${BID_REFS})))<SUM(${BID_REFS}),0)`;

/**
 * Why the bid is held back, or "" when it is not, as core heldBids words it (heldText): a total
 * the panel has yet to clarify, on the bid's first row, which validation lists first; else the
 * code of its first faulty row and the row ("SV108 on SV Commitments row 6"); or, should the
 * bid's Value be an Excel error all the same, that; else a measure claimed twice ("SV201 on SV
 * Commitments": no row, which would take a scan per row). Quantitative, Score and Rank give no figure
 * for a held bid, and its £ is not among those the others are scored against.
 */
/*
 * Cost: every scan of SV_Commitments for one bidder compares each row's name as the pane does
 * (SAME_BIDDER), so SV_Scores' formulas are written to scan once per column in the usual case
 * (no outcome for the whole bid, no implausible total): IF evaluates only the branch it takes,
 * where AND, OR and & evaluate every argument. A bid with no faulty row costs Held one MATCH and
 * the look for a measure claimed twice; only a held bid's formula looks again for the code and
 * row of its first fault.
 */
const HELD =
  `=IF(ISERROR(${BID_TOTAL_CODE}),` +
  `IF(ISNA(${FIRST_FAULT}),IF(ISERROR([@Value]),"an Excel error in its Value: see the Check column of ${SHEETS.commitments}",` +
  `IF(${CLAIMS_TWICE},"${DUPLICATE_HELD_TEXT}","")),` +
  `LEFT(INDEX(${TABLES.commitments}[Check],${FIRST_FAULT}),5)&" on ${SHEETS.commitments} row "&(${FIRST_FAULT}+ROW(${TABLES.commitments}[#Headers]))),` +
  `${BID_TOTAL_CODE}&" on ${SHEETS.commitments} row "&(${FIRST_ROW}))`;

/**
 * The £ of the bids that are scored, for SVSCORE's `values`: "" (ignored) for a bid held back or
 * disregarded. IFERROR, because a held bid's Value or Disregarded may be an Excel error, which
 * would otherwise reach every bid's score (the #VALUE! in every row, issue #16).
 */
const SCORED_VALUES = `IF(IFERROR(([Held]="")*([Disregarded]=""),0),[Value],"")`;

/** Commitments whose Check says SV122: their measure has no proxy value, so they count £0. */
const UNPRICED = `COUNTIF(${TABLES.commitments}[Check],"SV122*")`;

/**
 * The line above SV_Scores, live for every co-author: empty while every commitment's measure has
 * a proxy value, else how many commitments count £0 for want of one, so a sheet of £0 and rank 1
 * never passes for a result (Essex ships two proxies; the council's licensed table has the rest).
 */
export const SCORES_NOTICE_FORMULA =
  `=IF(${UNPRICED}=0,"","Incomplete: "&${UNPRICED}&IF(${UNPRICED}=1," commitment counts £0 because its measure has"," commitments count £0 because their measures have")&` +
  `" no proxy value (SV122 in the Check column of SV Commitments). Import the council's measure table before relying on these scores.")`;

/** Each table's calculated columns: header → formula (structured references, as Excel stores them). */
export const TABLE_FORMULAS = {
  commitments: {
    Measure: lookup("Measure"),
    Proxy: COMMITMENT_PROXY_FORMULA,
    Type: lookup("Type"),
    Value: COMMITMENT_VALUE_FORMULA,
    Check: COMMITMENT_CHECK_FORMULA,
  },
  scores: {
    Value: BID_VALUE,
    LEV: partOfValue("LEV"),
    SV: partOfValue("SV"),
    Return: `=TENDER.SVRETURN([@Value],${SETTING_NAMES.contractValue})`,
    Benchmark: `=TENDER.SVBENCHMARK([@Return])`,
    Quantitative: `=IF([@Held]<>"","Held: "&[@Held],IF([@Disregarded]<>"",0,TENDER.SVSCORE([@Value],${SCORED_VALUES},` +
      `${SETTING_NAMES.maxPoints}*${SETTING_NAMES.quantitativeShare},${SETTING_NAMES.method},${SETTING_NAMES.target})))`,
    Qualitative: `=IF([@Disregarded]<>"",0,SUMIFS(${TABLES.consensus}[Points],${TABLES.consensus}[Bidder],[@Bidder]))`,
    Score: `=IF([@Held]<>"","Held: "&[@Held],[@Quantitative]+[@Qualitative])`,
    // COUNTIF skips the held bids' text Scores: a rank counts only the bids not held back.
    Rank: `=IF([@Held]<>"","Held",COUNTIF([Score],">"&[@Score])+1)`,
    Disregarded: DISREGARDED,
    Held: HELD,
  },
  clarifications: {
    Counts: CLARIFICATION_COUNTS,
  },
  consensus: {
    Marks: `=IFERROR(TEXTJOIN(", ",1,FILTER(${TABLES.marks}[Evaluator]&" "&${TABLES.marks}[Mark],${SAME_ITEM_MASK})),"")`,
    Min: `=IF(${MARKS_GIVEN}=0,"",MINIFS(${TABLES.marks}[Mark],${SAME_ITEM}))`,
    Max: `=IF(${MARKS_GIVEN}=0,"",MAXIFS(${TABLES.marks}[Mark],${SAME_ITEM}))`,
    Spread: `=IF([@Min]="","",[@Max]-[@Min])`,
    Flag: `=IF([@Spread]="","",IF([@Spread]>${SETTING_NAMES.moderationThreshold},"Discuss",""))`,
    // Anything but average or median (a blank cell included) is consensus, as the pane reads
    // SV_RollUp (panel.ts): consensus is the default roll-up (Bromcom, see Status).
    Mark: `=IF(AND(TRIM(${SETTING_NAMES.rollUp})<>"average",TRIM(${SETTING_NAMES.rollUp})<>"median"),IF([@Consensus]="","",[@Consensus]),` +
      `IF(OR(${SETTING_NAMES.panelSize}=0,${MARKS_GIVEN}<${SETTING_NAMES.panelSize}),"",` +
      `IF(TRIM(${SETTING_NAMES.rollUp})="median",MEDIAN(FILTER(${TABLES.marks}[Mark],${SAME_ITEM_MASK})),` +
      `SUMIFS(${TABLES.marks}[Mark],${SAME_ITEM})/${MARKS_GIVEN})))`,
    Points: `=IF(OR([@Mark]="",${SETTING_NAMES.scaleTop}<=0),0,[@Mark]/${SETTING_NAMES.scaleTop}*${SETTING_NAMES.maxPoints}*(1-${SETTING_NAMES.quantitativeShare})` +
      `*IFERROR(INDEX(${TABLES.criteria}[Weight],MATCH([@Criterion],${TABLES.criteria}[Id],0))/SUM(${TABLES.criteria}[Weight]),0))`,
    // Open until the panel has recorded its reason and who agreed, under every roll-up: an average
    // or median sits beside moderation, never in place of it (Bromcom v United Learning Trust
    // [2022] EWHC 3262 (TCC)); the record must explain each mark (Lancashire Care v Lancashire CC
    // [2018] EWHC 1589 (TCC)). Under consensus a flagged item has no Mark until one is agreed.
    Status: `=IF(OR([@Mark]="",TRIM([@Rationale])="",TRIM([@AgreedBy])=""),"Open","Closed")`,
  },
} as const;

/** A calculated column of a table as read: its 0-based index among the table's headers, and its formula. */
export interface ColumnFormula {
  readonly index: number;
  readonly formula: string;
}

/**
 * The calculated columns among `headers` of the table named `table` (SV_Commitments …), matched
 * trimmed and case-insensitively as the rest of the product reads headers; none for a table
 * without formulas or unknown.
 */
export function columnFormulas(table: string, headers: readonly string[]): ColumnFormula[] {
  const key = (Object.keys(TABLE_FORMULAS) as (keyof typeof TABLE_FORMULAS)[]).find((k) => TABLES[k] === table);
  if (key === undefined) return [];
  const formulas = Object.entries(TABLE_FORMULAS[key]) as [string, string][];
  const out: ColumnFormula[] = [];
  headers.forEach((h, index) => {
    const hit = formulas.find(([header]) => header.toLowerCase() === h.trim().toLowerCase());
    if (hit !== undefined) out.push({ index, formula: hit[1] });
  });
  return out;
}

/** The same in runs of adjacent columns, left to right: each run is written as one block. */
export function columnFormulaRuns(table: string, headers: readonly string[]): ColumnFormula[][] {
  return consecutiveRuns(columnFormulas(table, headers), (c) => c.index);
}
