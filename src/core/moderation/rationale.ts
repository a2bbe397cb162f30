/**
 * Checks a moderation rationale for what the court criticised in *Lancashire Care v
 * Lancashire CC* [2018] EWHC 1589 (TCC) (DOMAIN.md "Moderation and the record the law
 * expects"): notes that could not explain the scores, that did not show the criterion was
 * discussed, and that compared the bids with each other instead of marking each against the
 * criteria.
 *
 * Errors stop an item from closing; the warnings are advice only: "no-reference", because a good
 * rationale can be written in words that share nothing with the question's wording and a
 * word-overlap test cannot tell; "names-bidder", because a one-word bidder name (Care, Green)
 * is often an ordinary word too; "no-commitment", because whether a rationale names the
 * bidder's commitment can only be guessed from its figures and dates.
 *
 * "no-commitment" applies where the framework says an answer scores nothing without a
 * specific, measurable and time-bound commitment (PPN 002, DOMAIN.md): a mark above the scale's
 * lowest whose rationale holds no figure, or no date or period, may rest on no such commitment.
 * Nothing here throws, whatever the text holds.
 */
import { bidderKey, criterionKey } from "../shared/refs";

export type RationaleIssueCode = "empty" | "placeholder" | "too-short" | "copied" | "compares-bids" | "names-bidder" | "no-reference" | "no-commitment" | "no-bid-evidence";

export interface RationaleIssue {
  code: RationaleIssueCode;
  /** error: the item cannot close with this rationale; warning: worth a second look. */
  severity: "error" | "warning";
  /** What is wrong, why it matters, and what to write instead, in an evaluator's words. */
  message: string;
}

export interface OtherRationale {
  bidder: string;
  criterion: string;
  rationale: string;
}

export interface RationaleContext {
  bidder: string;
  criterion: string;
  /** The question and its guidance, for the soft "does it refer to the criterion" check. */
  criterionText?: string;
  /** The bid's written answer to this criterion. */
  answer?: string;
  /** Every bidder of this tender: naming another one is comparing bids. */
  bidders?: readonly string[];
  /** The rationales already recorded for other items (other bidders or other criteria). */
  others?: readonly OtherRationale[];
  /** The framework scores nothing without a specific, measurable, time-bound commitment (PPN 002). */
  requiresSmartCommitment?: boolean;
  /** The consensus mark, and the lowest mark of the scale: the commitment check is for marks above it. */
  mark?: unknown;
  lowestMark?: number;
  /**
   * The evaluators' own marks for this item, when `mark` is a consensus the panel agreed: a
   * consensus that is one evaluator's mark and none of the others' must rest on what the bid says.
   */
  evaluatorMarks?: readonly number[];
}

/**
 * Fewer words than this cannot say which parts of the answer decided the mark and how they
 * meet the criterion: "Clear plan, named local partners, quarterly KPIs: meets the criterion"
 * is about the shortest rationale that does (9 words). Eight words keeps terse but real notes.
 */
export const MIN_RATIONALE_WORDS = 8;

/**
 * Two rationales whose character-trigram Dice similarity (after normalising case,
 * punctuation and spaces, and with the bidders' names taken out) is at least this are the
 * same text with small edits — a copy. 0.9 lets a changed name or figure through as a copy
 * while two genuinely different rationales on the same question score well below it.
 */
export const COPY_SIMILARITY = 0.9;

/** Text beyond this is not analysed (Excel's cell limit is 32,767 characters). */
const MAX_ANALYSED = 8000;

/** Said instead of a reason: alone, or as nearly all of a short note. */
const PLACEHOLDERS = [
  "agreed",
  "as agreed",
  "agreed by panel",
  "agreed by the panel",
  "panel agreed",
  "consensus",
  "consensus reached",
  "as discussed",
  "discussed",
  "as per discussion",
  "per discussion",
  "discussed at meeting",
  "see notes",
  "see note",
  "see above",
  "see below",
  "see comments",
  "see evaluator comments",
  "same as above",
  "as above",
  "ditto",
  "n a",
  "na",
  "none",
  "nil",
  "nothing",
  "tbc",
  "tbd",
  "ok",
  "okay",
  "fine",
  "yes",
  "no",
  "x",
];
const PLACEHOLDER_PHRASES = ["as discussed", "see notes", "see note", "see above", "see below", "as agreed", "as per discussion", "same as above", "ditto"];

const STOPWORDS = new Set(
  "the a an and or but of to in on for with by at from as is are was were be been being this that these those it its their they them there here has have had not no yes will would can could should may might must do does did how what which who whom whose why when where than then so such into onto over under about also very more most less least any all each both some other another our we you your he she his her bid bidder bidders answer response mark marks score scored scoring panel agreed evaluator evaluators".split(
    " ",
  ),
);

/** Lower case, letters and digits only, single spaces: what a reader sees as "the same words". */
export function normaliseRationale(text: string): string {
  return text
    .slice(0, MAX_ANALYSED)
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
}

function words(normalised: string): string[] {
  return normalised === "" ? [] : normalised.split(" ");
}

/** The text with every bidder's name replaced by one token, so a name swap is still a copy. */
function withoutNames(normalised: string, names: readonly string[]): string {
  let out = ` ${normalised} `;
  for (const name of names) {
    if (name === "") continue;
    out = out.split(` ${name} `).join(" ‹bidder› ");
  }
  return out.trim();
}

function trigrams(text: string): Map<string, number> {
  const grams = new Map<string, number>();
  const padded = `  ${text} `;
  for (let i = 0; i + 3 <= padded.length; i++) {
    const g = padded.slice(i, i + 3);
    grams.set(g, (grams.get(g) ?? 0) + 1);
  }
  return grams;
}

/**
 * Sørensen–Dice coefficient over character trigrams (counted with multiplicity):
 * 2·|A∩B| / (|A|+|B|), 1 for identical texts, near 0 for unrelated ones.
 */
export function textSimilarity(a: string, b: string): number {
  if (a === b) return 1;
  const ga = trigrams(a);
  const gb = trigrams(b);
  let total = 0;
  let shared = 0;
  for (const n of ga.values()) total += n;
  for (const [g, n] of gb) {
    total += n;
    shared += Math.min(n, ga.get(g) ?? 0);
  }
  return total === 0 ? 0 : (2 * shared) / total;
}

/** Comparing one bid with the others, in the words panels use. */
const COMPARISON_PATTERNS: readonly RegExp[] = [
  /\b(?:better|worse|stronger|weaker|superior|inferior|richer|poorer|clearer|vaguer|more \w+|less \w+)\s+than\s+(?:that of\s+|those of\s+)?(?:the\s+)?(?:other|others|another|rest|rival|competitors?|competing|remaining|all\b|any\b|bidders?\b|bids?\b|tenderers?\b|submissions?\b|responses?\b)/,
  /\b(?:superior|inferior)\s+to\s+(?:the\s+)?(?:other|others|another|bidders?\b|bids?\b|competitors?)/,
  /\bthan\s+(?:the\s+)?(?:other|others|rest)\s+(?:bids?|bidders?|tenderers?|submissions?|responses?|tenders?)\b/,
  /\b(?:compared|comparison|comparing|relative)\s+(?:with|to)\s+(?:the\s+)?(?:other|others|another|rest|bidders?\b|bids?\b|competitors?|tenderers?|submissions?|responses?)/,
  /\bunlike\s+(?:the\s+)?(?:other|others|bidders?\b|competitors?)/,
  /\b(?:outscored|outperformed|outbid)\b/,
  /\b(?:best|strongest|weakest|worst|highest|lowest)\s+(?:of\s+(?:the|all)\s+)?(?:bids|bidders|submissions|responses|tenders|tenderers)\b/,
  /\b(?:the\s+)?(?:best|strongest|weakest|worst)\s+(?:bid|bidder|submission|response|tender)\b/,
  /\branked\s+(?:first|second|third|last|top|bottom|\d+(?:st|nd|rd|th)?)\b/,
];

function firstComparison(normalised: string): string | undefined {
  for (const pattern of COMPARISON_PATTERNS) {
    const m = pattern.exec(normalised);
    if (m) return m[0];
  }
  return undefined;
}

/**
 * "Bidder B", "bidder 2" — a label for another bid. Matched in the text as written, with a
 * capital letter or a number after "bidder", so ordinary prose such as "gives the bidder a
 * clear route" is not read as a label.
 */
const BIDDER_LABEL = /\b[Bb]idder\s+([A-Z]|\d{1,2})\b/g;

/** Where a sentence may start: the text's start, or after . ! ? : ; or a line break. */
function atSentenceStart(text: string, index: number): boolean {
  return /(?:^|[.!?:;\n]\s*|^\s*)$/.test(text.slice(Math.max(0, index - 4), index)) || text.slice(0, index).trim() === "";
}

export interface OtherBidderMention {
  name: string;
  /**
   * sure: a name of two or more words, or a one-word name written as the bidder list spells it
   * in the middle of a sentence ("…than Care does"); unsure: a one-word name that is also an
   * ordinary word ("care", "Care is…" at the start of a sentence), which may not mean the bid.
   */
  sure: boolean;
}

/**
 * Another bidder named in the rationale. A bidder whose name is one word may be called after an
 * ordinary word (Care, Bright, Green): "care" in "personal care plans" does not name that bid,
 * so a one-word name only counts for sure when written with the bidder's own capitals in the
 * middle of a sentence; otherwise it is reported as unsure (advice, not a refusal).
 */
export function mentionsOtherBidder(text: string, self: string, bidders: readonly string[]): OtherBidderMention | undefined {
  const normalised = normaliseRationale(text);
  const padded = ` ${normalised} `;
  const selfName = normaliseRationale(self);
  const original = text.slice(0, MAX_ANALYSED);
  let unsure: OtherBidderMention | undefined;
  for (const b of bidders) {
    if (typeof b !== "string") continue;
    const name = normaliseRationale(b);
    if (name === "" || name === selfName || name.length < 2) continue;
    if (!padded.includes(` ${name} `)) continue;
    if (name.includes(" ")) return { name: b.trim(), sure: true };
    const written = b.trim();
    const exact = new RegExp(`(?<![\\p{L}\\p{N}])${written.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}(?![\\p{L}\\p{N}])`, "gu");
    // A name written all in lower case ("care") is only sure when it is spelt that way in the list too.
    for (const m of original.matchAll(exact)) {
      if (written === written.toLowerCase() || !atSentenceStart(original, m.index ?? 0)) return { name: written, sure: true };
    }
    unsure ??= { name: written, sure: false };
  }
  for (const m of original.matchAll(BIDDER_LABEL)) {
    if (normaliseRationale(m[0]) !== selfName) return { name: m[0], sure: true };
  }
  return unsure;
}

function contentWords(normalised: string): Set<string> {
  const out = new Set<string>();
  for (const w of words(normalised)) if (w.length >= 4 && !STOPWORDS.has(w)) out.add(stem(w));
  return out;
}

/** A crude stem so "deliver", "delivery" and "delivering" meet. */
function stem(word: string): string {
  return word.replace(/(?:ing|ed|es|s|ies|y|ment|ments|ion|ions|ery)$/u, "").slice(0, 6);
}

function quoteShort(text: string, max = 60): string {
  const t = text.trim().replace(/\s+/g, " ");
  return `“${t.length > max ? `${t.slice(0, max - 1)}…` : t}”`;
}

/**
 * The issues a rationale has, errors first. An empty list means the rationale can close the
 * item. `rationale` may be anything a cell holds; only text can be a rationale.
 */
export function checkRationale(rationale: unknown, context: RationaleContext): RationaleIssue[] {
  return check(rationale, context);
}

function check(rationale: unknown, context: RationaleContext): RationaleIssue[] {
  const bidder = typeof context.bidder === "string" ? context.bidder.trim() : "";
  const criterion = typeof context.criterion === "string" ? context.criterion.trim() : "";
  const what = `${bidder || "this bid"} on ${criterion || "this criterion"}`;
  const text = typeof rationale === "string" ? rationale : typeof rationale === "number" ? String(rationale) : "";
  const normalised = normaliseRationale(text);
  const count = words(normalised).length;

  if (normalised === "") {
    return [
      {
        code: "empty",
        severity: "error",
        message: `The rationale for ${what} is empty. The record must explain the mark: say which parts of the answer were decisive and how they meet (or fall short of) the criterion.`,
      },
    ];
  }
  const isPlaceholder =
    PLACEHOLDERS.includes(normalised) || (count < MIN_RATIONALE_WORDS && PLACEHOLDER_PHRASES.some((p) => ` ${normalised} `.includes(` ${p} `)));
  if (isPlaceholder) {
    return [
      {
        code: "placeholder",
        severity: "error",
        message: `${quoteShort(text)} does not explain the mark for ${what}: a note that points elsewhere or only says it was agreed is what the court criticised in Lancashire Care. Write the reasons here: what in the answer earned the mark against the criterion, and what was missing.`,
      },
    ];
  }

  const issues: RationaleIssue[] = [];
  if (count < MIN_RATIONALE_WORDS) {
    issues.push({
      code: "too-short",
      severity: "error",
      message: `The rationale for ${what} has ${count} word${count === 1 ? "" : "s"}; at least ${MIN_RATIONALE_WORDS} are needed to say which parts of the answer decided the mark and how they meet the criterion. Add the decisive points, e.g. “Named local partners and quarterly KPIs meet the criterion; no baseline given.”`,
    });
  }

  const comparison = firstComparison(normalised);
  const mention = mentionsOtherBidder(text, bidder, context.bidders ?? []);
  const named = mention?.sure === true ? mention.name : undefined;
  if (comparison !== undefined || named !== undefined) {
    const said = comparison !== undefined ? `“${comparison}”` : `another bidder (${named})`;
    issues.push({
      code: "compares-bids",
      severity: "error",
      message: `The rationale for ${what} compares bids (${said}). Each bid must be marked against the criterion on its own, never against the other bids — the court set aside the Lancashire award partly for this. Say what this answer offers against the criterion and its guidance instead.`,
    });
  }

  const names = (context.bidders ?? []).map(normaliseRationale).concat(normaliseRationale(bidder)).filter((n) => n.length >= 2);
  const mine = withoutNames(normalised, names);
  for (const other of context.others ?? []) {
    if (other === null || typeof other !== "object" || typeof other.rationale !== "string") continue;
    const sameItem = bidderKey(String(other.bidder ?? "")) === bidderKey(bidder) && criterionKey(String(other.criterion ?? "")) === criterionKey(criterion);
    if (sameItem) continue;
    const theirs = withoutNames(normaliseRationale(other.rationale), names);
    if (theirs === "") continue;
    // Short texts share trigrams by chance; the length ratio rules out most pairs cheaply.
    const shorter = Math.min(mine.length, theirs.length);
    const longer = Math.max(mine.length, theirs.length);
    if (shorter / longer < COPY_SIMILARITY * 0.8) continue;
    if (textSimilarity(mine, theirs) >= COPY_SIMILARITY) {
      const where = `${String(other.bidder).trim()} on ${String(other.criterion).trim()}`;
      issues.push({
        code: "copied",
        severity: "error",
        message: `The rationale for ${what} is the same (or nearly the same) as the one recorded for ${where}. A copied rationale cannot explain why each bid earned its own mark. Write this bid's own reasons: the parts of its answer that decided the mark on this criterion.`,
      });
      break;
    }
  }

  if (mention !== undefined && !mention.sure && !issues.some((i) => i.code === "compares-bids")) {
    issues.push({
      code: "names-bidder",
      severity: "warning",
      message: `The rationale for ${what} uses the word “${mention.name}”, which is also another bidder's name. If it means that bid, rewrite the sentence: each bid is marked against the criterion on its own. If it is the ordinary word, nothing needs to change.`,
    });
  }

  const evidence = bidEvidenceIssue(text, context, what);
  if (evidence !== undefined && !issues.some((i) => i.severity === "error")) issues.push(evidence);

  const reference = [context.criterionText, context.answer].filter((t): t is string => typeof t === "string" && t.trim() !== "");
  if (!issues.some((i) => i.severity === "error") && reference.length > 0) {
    const mentionsId = criterion !== "" && ` ${normalised} `.includes(` ${normaliseRationale(criterion)} `);
    const theirs = contentWords(normaliseRationale(reference.join(" ")));
    let shared = false;
    for (const w of contentWords(normalised)) if (theirs.has(w)) shared = true;
    if (!mentionsId && !shared && theirs.size > 0) {
      issues.push({
        code: "no-reference",
        severity: "warning",
        message: `The rationale for ${what} uses none of the words of the question or of the bid's answer. That can be fine; check it says how the answer meets this criterion, so a reader can link the reasons to the question.`,
      });
    }
  }

  const mark = context.mark;
  const aboveLowest = typeof mark === "number" && typeof context.lowestMark === "number" && mark > context.lowestMark;
  if (context.requiresSmartCommitment === true && aboveLowest && !issues.some((i) => i.severity === "error")) {
    const { figure, when } = commitmentGaps(text);
    if (!figure || !when) {
      const missing = !figure && !when ? "no figure and no date or period" : !figure ? "no figure (how much)" : "no date or period (by when)";
      issues.push({
        code: "no-commitment",
        severity: "warning",
        message: `Under PPN 002 an answer scores nothing without a specific, measurable and time-bound commitment. The mark ${String(mark)} for ${what} is above the lowest, but its rationale names ${missing} for what the bidder committed to. Say which commitment earned the mark (for example “20 local apprentices by March 2027”), or reconsider the mark.`,
      });
    }
  }
  // Errors first (a stable sort keeps each severity's order).
  return issues.sort((x, y) => (x.severity === "error" ? 0 : 1) - (y.severity === "error" ? 0 : 1));
}

const MONTHS = "january|february|march|april|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec";

/** A date, a year, a month or a period: what makes a commitment time-bound. */
const WHEN: readonly RegExp[] = [
  /\b\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}\b/g,
  /\b(?:19|20)\d{2}(?:\/\d{2})?\b/g,
  new RegExp(`\\b(?:${MONTHS})\\b`, "g"),
  /\bmay\s+(?:19|20)\d{2}\b/g,
  /\b(?:q[1-4]|fy\s?\d{2,4})\b/g,
  /\b(?:days?|weeks?|fortnights?|months?|years?|quarters?|quarterly|annual|annually|yearly|monthly|weekly|daily|fortnightly|deadlines?|milestones?)\b/g,
  /\b(?:contract term|term of the contract|life of the contract|duration of the contract|end of the contract)\b/g,
];

const NUMBER_WORDS =
  /\b(?:two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|hundreds|thousand|thousands|dozen)\b/;

/**
 * What the rationale lacks of a specific, measurable, time-bound commitment: a figure (how
 * much), a date or period (by when), both, or nothing. A year or a date is not the figure.
 */
function commitmentGaps(text: string): { figure: boolean; when: boolean } {
  let rest = text.slice(0, MAX_ANALYSED).toLowerCase();
  let when = false;
  for (const pattern of WHEN) {
    const stripped = rest.replace(pattern, " ");
    if (stripped !== rest) when = true;
    // Dates and years come out before looking for a figure; period words stay harmless.
    rest = stripped;
  }
  const figure = /\d/.test(rest) || NUMBER_WORDS.test(rest);
  return { figure, when };
}

/**
 * Words the rationale must share with the bid's answer (and not with the question) to count as
 * pointing at what the bid says. Three: one or two shared words happen by chance ("local",
 * "residents"); a misreading keeps a word or two of the bid ("stair lift" for "stair climber").
 */
export const ANSWER_WORDS_FOR_EVIDENCE = 3;

/** A quotation: text of three or more words between double quotes, straight or curly. */
const QUOTATION = /[“"]([^“”"]{3,400})[”"]/g;

/** A place in the bid: "section 3.2", "page 4", "para 5", "appendix B". */
const PLACE_IN_BID = /\b(?:section|page|pages|para|paragraph|appendix|annex|question)\s+(?:\d|[a-z]\b)/i;

/**
 * Braceurself v NHS England [2022]: one evaluator misread the bid ("stair climber" read as
 * "stair lift"), the others adopted that view at moderation, and the court re-scored the bid — a
 * consensus must rest on what the bid says. So when the agreed mark is one evaluator's and
 * differs from every other evaluator's, the rationale must quote the answer or name what it
 * offers; a quotation the answer does not hold is the misreading itself. Without the answer in
 * the workbook only a quotation or a place in the bid can show it.
 */
function bidEvidenceIssue(text: string, context: RationaleContext, what: string): RationaleIssue | undefined {
  const marks = Array.isArray(context.evaluatorMarks) ? context.evaluatorMarks.filter((m): m is number => typeof m === "number") : [];
  const mark = context.mark;
  if (typeof mark !== "number" || marks.length < 2) return undefined;
  const givers = marks.filter((m) => m === mark).length;
  if (givers !== 1) return undefined;
  const others = marks.filter((m) => m !== mark);
  const adopted = `The agreed mark ${mark} for ${what} is one evaluator's mark; the others gave ${others.join(", ")}.`;
  const why =
    "When the panel adopts one evaluator's view, the record must show it rests on what the bid says (Braceurself v NHS England [2022]: the panel adopted an evaluator's misreading of the bid and the court re-scored it).";
  const answer = typeof context.answer === "string" ? context.answer : "";
  const original = text.slice(0, MAX_ANALYSED);
  const quotes = [...original.matchAll(QUOTATION)].map((m) => normaliseRationale(m[1] ?? "")).filter((q) => words(q).length >= 3);
  if (answer.trim() === "") {
    if (quotes.length > 0 || PLACE_IN_BID.test(original)) return undefined;
    return {
      code: "no-bid-evidence",
      severity: "error",
      message: `${adopted} ${why} Quote the words of the answer that decided the mark, or say where in the bid they are (e.g. section 3.2).`,
    };
  }
  const inAnswer = ` ${normaliseRationale(answer)} `;
  // Quoting the question is fine; it just says nothing about the bid.
  const inQuestion = ` ${normaliseRationale(context.criterionText ?? "")} `;
  const misquoted = quotes.find((q) => !inAnswer.includes(` ${q} `) && !inQuestion.includes(` ${q} `));
  const fromBid = quotes.some((q) => inAnswer.includes(` ${q} `));
  if (misquoted !== undefined) {
    return {
      code: "no-bid-evidence",
      severity: "error",
      message: `${adopted} The rationale quotes ${quoteShort(misquoted)}, but the bid's answer does not say that. ${why} Check the quotation against the answer and correct it, or the mark.`,
    };
  }
  if (fromBid || PLACE_IN_BID.test(original)) return undefined;
  const question = contentWords(normaliseRationale(context.criterionText ?? ""));
  const bids = contentWords(normaliseRationale(answer));
  let shared = 0;
  for (const w of contentWords(normaliseRationale(text))) if (bids.has(w) && !question.has(w)) shared += 1;
  if (shared >= ANSWER_WORDS_FOR_EVIDENCE) return undefined;
  return {
    code: "no-bid-evidence",
    severity: "error",
    message: `${adopted} ${why} Say what the bid says that decided the mark: quote its answer, or name what it offers in its own terms.`,
  };
}

/** Issues that stop an item from closing. */
export function blockingRationaleIssues(issues: readonly RationaleIssue[]): RationaleIssue[] {
  return issues.filter((i) => i.severity === "error");
}
