/**
 * The one public surface of src/core (STYLE.md 12): what the pane, the Excel layer, the
 * forms and the custom functions may use. Pure TypeScript: no Office, React or DOM, so the
 * same code runs in Node, the task pane and the custom-functions runtime.
 */

// Vocabulary, and what every step shares
export * from "./setup/units";
export * from "./shared/layout";
export * from "./shared/addresses";
export { TABLE_FORMULAS, SCORES_NOTICE_FORMULA, columnFormulas, columnFormulaRuns, type ColumnFormula } from "./workbook/tableFormulas";
export * from "./workbook/formulaUpdate";
export { consecutiveRuns, runsOf } from "./shared/runs";
export * from "./shared/decision";
export * from "./shared/writePlan";
export { refKey, bidderKey, criterionKey, evaluatorKey } from "./shared/refs";
export { cleanText, plainText, nameKey, hasInvisibleCharacters, sheetKey } from "./shared/names";
export * from "./shared/format";
export * from "./shared/formulaResult";
export { ADDIN_VERSION } from "./shared/version";

// Frameworks and the tender
export * from "./setup/frameworks";
export * from "./setup/tender";
export * from "./setup/measureTable";
export * from "./setup/thresholds";
export * from "./setup/statutoryThresholds";
export * from "./setup/tenderChecks";
export * from "./setup/settingsFromSheet";
export * from "./setup/frameworkDefaults";

// Commitments and their validation
export * from "./bids/commitments";
export { isBlank, cellError, notReadyError, firstNotReady, readText, readQuantity, describeCell, headerIndex, MAX_TEXT_LENGTH, type Quantity, type InvalidReason } from "./shared/cells";
export * from "./validate/findings";
export * from "./validate/validateCommitments";
export * from "./validate/missingProxies";
export * from "./validate/clarifications";

// Valuation, scoring, moderation
export * from "./scores/benchmark";
export { valueBids, type BidValuation } from "./scores/valuation";
export * from "./scores/scoring";
export * from "./scores/heldBids";
export * from "./scores/sensitivity";
export * from "./moderation/moderation";
export * from "./scores/awardMaths";
export * from "./scores/socialValueFormula";

// Reporting: assessment summaries and the commitments register
export * from "./report/assessmentSummary";
export * from "./report/register";

// The portfolio of signed evaluations (issue #20): its tables, one workbook's reading, a gather decided
export * from "./portfolio/schema";
export * from "./portfolio/money";
export * from "./portfolio/gathered";
export * from "./portfolio/kpiRating";
export * from "./portfolio/planGather";
export * from "./portfolio/powerQuery";
export * from "./portfolio/dashboard";

// Moderation: the snapshot it reads, the panel, marking, consensus, sign-off and Verify decided,
// the views the pane shows; rationale checks and the sign-off fingerprint
export * from "./moderation/snapshot";
export * from "./moderation/panel";
export * from "./moderation/views";
export * from "./moderation/marking";
export * from "./moderation/consensus";
export * from "./moderation/signOffReview";
export * from "./moderation/signedRecord";
export * from "./moderation/decisionRecord";
export * from "./moderation/verifyRecord";
export * from "./moderation/rationale";
export * from "./moderation/fingerprint";
