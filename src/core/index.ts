/**
 * The one public surface of src/core (STYLE.md 12): what the pane, the Excel layer, the
 * forms and the custom functions may use. Pure TypeScript: no Office, React or DOM, so the
 * same code runs in Node, the task pane and the custom-functions runtime.
 */

// Vocabulary
export * from "./units";
export { refKey, bidderKey, criterionKey, evaluatorKey } from "./refs";
export * from "./format";
export * from "./formulaResult";

// Frameworks and the tender
export * from "./frameworks";
export * from "./tender";
export * from "./measureTable";
export * from "./thresholds";
export * from "./tenderChecks";

// Commitments and their validation
export * from "./commitments";
export { isBlank, cellError, readText, readQuantity, describeCell, MAX_TEXT_LENGTH, type Quantity, type InvalidReason } from "./cells";
export * from "./findings";
export * from "./validateCommitments";

// Valuation, scoring, moderation
export * from "./benchmark";
export { valueBids, type BidValuation } from "./valuation";
export * from "./scoring";
export * from "./sensitivity";
export * from "./moderation";
export * from "./awardMaths";
export * from "./socialValueFormula";

// Reporting: assessment summaries and the commitments register
export * from "./assessmentSummary";
export * from "./register";

// Moderation record: rationale checks, sign-off fingerprint
export * from "./rationale";
export * from "./fingerprint";
