/**
 * The Set up form as SV Setup holds the tender: when the pane opens on a workbook that has the
 * evaluation, the form shows the sheet's framework, measures and settings, so "Update SV
 * Measures" works against the framework in use and nothing falls back to a default. Pure.
 */
import { STANDARD_SCALES, type Framework, type SheetSettings } from "../../core";
import type { WorkbookState } from "../../excel/actions";
import type { SetupDraft } from "./setupForm";

/** A share (0.1) as the form's percent field takes it ("10"), without binary noise (0.07 × 100). */
function percentText(share: number): string {
  return String(Number((share * 100).toPrecision(10)));
}

/** The fields SV Setup gives a value for; the others keep what the form has. */
export function draftFromSheet(s: SheetSettings): Partial<SetupDraft> {
  const d: Partial<SetupDraft> = {};
  if (s.contractName !== undefined) d.contractName = s.contractName;
  if (s.contractValue !== undefined) d.contractValue = String(s.contractValue);
  if (s.vatBasis !== undefined) d.vatBasis = s.vatBasis;
  if (s.procurementStart !== undefined) d.procurementStart = s.procurementStart;
  if (s.buyer !== undefined) d.buyer = s.buyer;
  if (s.category !== undefined) d.category = s.category;
  if (s.durationMonths !== undefined) d.durationMonths = String(s.durationMonths);
  if (s.weighting !== undefined) d.weighting = percentText(s.weighting);
  if (s.maxPoints !== undefined) d.maxPoints = String(s.maxPoints);
  if (s.quantitativeShare !== undefined) d.quantitativeShare = percentText(s.quantitativeShare);
  if (s.method !== undefined) d.method = s.method;
  // Pence per £1 is the same number as the percentage (25p per £1 = 25%).
  if (s.targetReturn !== undefined) d.targetReturn = percentText(s.targetReturn);
  const scale = s.scale === undefined ? undefined : STANDARD_SCALES.find((x) => x.id === s.scale?.id);
  if (scale !== undefined) d.scaleId = scale.id;
  if (s.passMark !== undefined) d.passMark = String(s.passMark);
  if (s.evaluators.length > 0) d.evaluators = s.evaluators.join(", ");
  if (s.rollUp !== undefined) d.rollUp = s.rollUp;
  if (s.moderationThreshold !== undefined) d.moderationThreshold = String(s.moderationThreshold);
  if (s.requireBothParts !== undefined) d.requireBothParts = s.requireBothParts;
  if (s.blindMarking !== undefined) d.blindMarking = s.blindMarking;
  if (s.tenderSaysAveraged !== undefined) d.tenderSaysAveraged = s.tenderSaysAveraged;
  return d;
}

/** The measures the picker ticks, and the outcomes without measures it chooses, as SV Measures and SV Setup say. */
export function scopeFromWorkbook(state: WorkbookState, framework: Framework): { measures: Set<string>; outcomes: Set<string> } {
  const inScope = new Set(state.measures.inScope.map((r) => r.toLowerCase()));
  const outcomesInScope = new Set(state.settings.outcomesInScope.map((o) => o.toLowerCase()));
  const measures = new Set<string>();
  const outcomes = new Set<string>();
  for (const theme of framework.themes)
    for (const outcome of theme.outcomes) {
      for (const m of outcome.measures) if (inScope.has(m.ref.toLowerCase())) measures.add(m.ref);
      if (outcome.measures.length === 0 && outcomesInScope.has(outcome.id.toLowerCase())) outcomes.add(outcome.id);
    }
  return { measures, outcomes };
}
