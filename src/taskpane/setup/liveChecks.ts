/**
 * What the Set up page works out live as the form changes — the checks on the settings and the
 * threshold verdict — gathered in one module so the page loads them as one chunk after it is
 * interactive (useTenderChecks.ts).
 */
export { checkTender } from "../../core/setup/tenderChecks";
export { frameworkThresholds, tenderVerdict } from "../../core/setup/thresholds";
