/** Small valid frameworks for loader tests; override only what a test is about. */
import type { Criterion, Framework, Measure } from "../../../../src/core/setup/frameworks";

export function aMeasure(overrides: Partial<Measure> = {}): Measure {
  return { ref: "M1", description: "Local people employed", unit: "FTE", proxy: null, type: "LEV", ...overrides };
}

export function aCriterion(overrides: Partial<Criterion> = {}): Criterion {
  return { id: "Q1", question: "How will you deliver?", ...overrides };
}

/** One theme "T1" with one outcome "O1" holding `measures` (default: M1 and M2). */
export function aFramework(
  options: { measures?: Measure[]; criteria?: Criterion[]; overrides?: Partial<Framework> } = {},
): Framework {
  return {
    id: "test",
    name: "Test framework",
    version: "1",
    source: { title: "Test document", publisher: "Test council" },
    themes: [
      {
        id: "T1",
        name: "Jobs",
        outcomes: [
          {
            id: "O1",
            name: "More local jobs",
            measures: options.measures ?? [aMeasure(), aMeasure({ ref: "M2", description: "Apprenticeship weeks", unit: "weeks", type: "SV" })],
          },
        ],
      },
    ],
    criteria: options.criteria ?? [aCriterion()],
    ...options.overrides,
  };
}

/** A deep copy that can be broken freely, as JSON read from a file would be. */
export function asJson(value: unknown): any { // eslint-disable-line @typescript-eslint/no-explicit-any -- tests poke arbitrary wrong shapes into it
  return JSON.parse(JSON.stringify(value));
}
