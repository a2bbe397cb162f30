/**
 * Measures seen as one flat list, the way the SV Measures sheet and the validator use them.
 */
import { refKey } from "../../shared/refs";
import type { Framework, Measure } from "./schema";

/** A measure with the theme and outcome it sits under. */
export interface FrameworkMeasure extends Measure {
  themeId: string;
  themeName: string;
  outcomeId: string;
  outcomeName: string;
}

/** Every measure in framework order: themes, then outcomes, then measures. */
export function allMeasures(framework: Framework): FrameworkMeasure[] {
  return framework.themes.flatMap((theme) =>
    theme.outcomes.flatMap((outcome) =>
      outcome.measures.map((measure) => ({
        ...measure,
        themeId: theme.id,
        themeName: theme.name,
        outcomeId: outcome.id,
        outcomeName: outcome.name,
      })),
    ),
  );
}

/** The measure a ref names (trimmed, case-insensitive), or undefined. */
export function findMeasure(framework: Framework, ref: string): FrameworkMeasure | undefined {
  const wanted = refKey(ref);
  if (wanted === "") return undefined;
  return allMeasures(framework).find((measure) => refKey(measure.ref) === wanted);
}
