import fc from "fast-check";
import { ESSEX, frameworkSchema, ILLUSTRATIVE, loadFramework, type FrameworkProblem } from "../../../../src/core/setup/frameworks";
import { UNREADABLE } from "../../../../src/core/setup/frameworks/loadFramework";
import { aCriterion, aFramework, aMeasure, asJson } from "./builders";

function problemsOf(data: unknown): FrameworkProblem[] {
  const result = loadFramework(data);
  return result.ok ? result.warnings : result.problems;
}

function problemAt(data: unknown, path: string): FrameworkProblem | undefined {
  return problemsOf(data).find((problem) => problem.path === path);
}

const MEASURE_0 = "themes[0].outcomes[0].measures[0]";
const MEASURE_1 = "themes[0].outcomes[0].measures[1]";

describe("loadFramework on valid data", () => {
  it("returns the framework with no warnings", () => {
    const result = loadFramework(aFramework());
    expect(result).toEqual({ ok: true, framework: aFramework(), warnings: [] });
  });

  it("trims refs and names as it loads", () => {
    const result = loadFramework(aFramework({ measures: [aMeasure({ ref: "  M1 " })] }));
    expect(result.ok && result.framework.themes[0]?.outcomes[0]?.measures[0]?.ref).toBe("M1");
  });

  it("loads with a warning when a proxy does not say where it comes from", () => {
    const result = loadFramework(aFramework({ measures: [aMeasure({ proxy: 12 })] }));
    expect(result).toMatchObject({
      ok: true,
      warnings: [{ path: `${MEASURE_0}.proxySource`, severity: "warning", message: expect.stringContaining("M1") }],
    });
  });

  it("treats a blank proxy source as missing", () => {
    expect(problemAt(aFramework({ measures: [aMeasure({ proxy: 12, proxySource: "  " })] }), `${MEASURE_0}.proxySource`)).toMatchObject({
      severity: "warning",
    });
  });

  it("warns about a field it does not know, naming it so a misspelling can be fixed", () => {
    const data = asJson(aFramework());
    data.themes[0].outcomes[0].measures[0].excldues = ["M2"];
    expect(loadFramework(data)).toMatchObject({
      ok: true,
      warnings: [{ path: `${MEASURE_0}.excldues`, severity: "warning", message: expect.stringContaining('"excldues"') }],
    });
  });
});

describe("loadFramework on input that is not a framework", () => {
  it.each([
    ["null", null],
    ["undefined", undefined],
    ["a string", "Essex"],
    ["a number", 42],
    ["a list", [1, 2]],
  ])("reports %s as one error on the whole input", (_label, data) => {
    expect(loadFramework(data)).toEqual({
      ok: false,
      problems: [{ path: "", severity: "error", message: expect.stringMatching(/^This is not a framework/) }],
    });
  });

  it("reports every missing top-level field of an empty object", () => {
    const paths = problemsOf({}).map((problem) => problem.path);
    expect(paths).toEqual(["id", "name", "version", "source", "themes", "criteria"]);
  });

  it("reports an object whose fields cannot be read instead of throwing", () => {
    const hostile = Object.defineProperty({}, "id", {
      enumerable: true,
      get() {
        throw new Error("boom");
      },
    });
    expect(loadFramework(hostile)).toEqual({
      ok: false,
      problems: [{ path: "", severity: "error", message: expect.stringContaining(UNREADABLE) }],
    });
  });
});

describe("loadFramework reports schema problems readably", () => {
  it("names the measure by its ref and says which unit was meant", () => {
    expect(problemAt(aFramework({ measures: [aMeasure({ unit: "hrs" as never })] }), `${MEASURE_0}.unit`)?.message).toBe(
      'Measure M1: the unit is written "hrs"; write "hours" instead.',
    );
  });

  it("lists the known units when a unit is not recognised at all", () => {
    expect(problemAt(aFramework({ measures: [aMeasure({ unit: "furlongs" as never })] }), `${MEASURE_0}.unit`)?.message).toMatch(
      /"furlongs" is not a unit this product recognises; use one of FTE, .*percent/,
    );
  });

  it("suggests the right capitals for a measure type", () => {
    expect(problemAt(aFramework({ measures: [aMeasure({ type: "record" as never })] }), `${MEASURE_0}.type`)?.message).toContain(
      'write "Record" instead',
    );
  });

  it("shows what was found where a number was expected", () => {
    expect(problemAt(aFramework({ measures: [aMeasure({ proxy: "£101" as never })] }), `${MEASURE_0}.proxy`)?.message).toBe(
      'Measure M1: the proxy value should be a number of £ per unit, or null where the framework gives none, but it is the text "£101".',
    );
  });

  it("says a negative proxy cannot be negative, without also asking for its source", () => {
    expect(problemsOf(aFramework({ measures: [aMeasure({ proxy: -5 })] }))).toEqual([
      { path: `${MEASURE_0}.proxy`, severity: "error", message: expect.stringContaining("cannot be negative") },
    ]);
  });

  it("reports a list given where text belongs once, as the wrong kind of value", () => {
    expect(problemsOf(aFramework({ overrides: { name: [] as never } }))).toEqual([
      { path: "name", severity: "error", message: "The framework's name should be text, but it is a list." },
    ]);
  });

  it("names a measure with no ref by its position", () => {
    const data = asJson(aFramework());
    delete data.themes[0].outcomes[0].measures[1].ref;
    expect(problemAt(data, `${MEASURE_1}.ref`)?.message).toBe('Measure 2 under outcome "O1": the reference is missing.');
  });

  it("says when a framework has no themes", () => {
    expect(problemAt(aFramework({ overrides: { themes: [] } }), "themes")?.message).toBe(
      "The framework's list of themes is empty; it needs at least one entry.",
    );
  });

  it("reports a weighting given as a percentage rather than a share", () => {
    expect(problemAt(aFramework({ overrides: { policy: { minWeighting: 10 } } }), "policy.minWeighting")?.message).toContain(
      "0.1 means 10%",
    );
  });
});

describe("loadFramework whole-file checks", () => {
  it("reports a measure ref used twice, ignoring capitals and spaces", () => {
    const data = aFramework({ measures: [aMeasure({ ref: "ECC1" }), aMeasure({ ref: " ecc1 " })] });
    expect(problemsOf(data)).toEqual([
      { path: `${MEASURE_1}.ref`, severity: "error", message: expect.stringContaining(`already used by measure ECC1 (${MEASURE_0})`) },
    ]);
  });

  it("reports a measure ref repeated under a different theme", () => {
    const data = asJson(aFramework());
    data.themes.push({ id: "T2", name: "Growth", outcomes: [{ id: "O2", name: "Local spend", measures: [aMeasure({ ref: "m2" })] }] });
    expect(problemAt(data, "themes[1].outcomes[0].measures[0].ref")).toMatchObject({ severity: "error" });
  });

  it("reports duplicate theme, outcome and criterion ids", () => {
    const data = asJson(aFramework({ criteria: [aCriterion({ id: "Q1" }), aCriterion({ id: "q1" })] }));
    data.themes.push({ id: "t1", name: "Again", outcomes: [{ id: "O1", name: "Again", measures: [] }] });
    const paths = problemsOf(data).map((problem) => problem.path);
    expect(paths).toEqual(["themes[1].id", "themes[1].outcomes[0].id", "criteria[1].id"]);
  });

  it("reports an exclusion naming a ref that is not in the framework", () => {
    const data = aFramework({ measures: [aMeasure({ ref: "ECC11", excludes: ["ECC99"] })] });
    expect(problemAt(data, `${MEASURE_0}.excludes[0]`)?.message).toBe("Measure ECC11 excludes ECC99, which is not in this framework.");
  });

  it("reports a measure that excludes itself", () => {
    const data = aFramework({ measures: [aMeasure({ ref: "ECC11", excludes: ["ecc11"] })] });
    expect(problemAt(data, `${MEASURE_0}.excludes[0]`)).toMatchObject({ severity: "error", message: expect.stringContaining("itself") });
  });

  it("accepts an exclusion naming another measure whatever its capitals", () => {
    const data = aFramework({ measures: [aMeasure({ ref: "A", excludes: ["b"] }), aMeasure({ ref: "B", excludes: ["A"] })] });
    expect(loadFramework(data).ok).toBe(true);
  });

  it("reports a criterion about an outcome that is not in the framework", () => {
    const data = aFramework({ criteria: [aCriterion({ outcomeId: "O9" })] });
    expect(problemAt(data, "criteria[0].outcomeId")?.message).toBe('Criterion "Q1" is about outcome "O9", which is not in this framework.');
  });

  it("accepts a criterion about an outcome that exists", () => {
    expect(loadFramework(aFramework({ criteria: [aCriterion({ outcomeId: "o1" })] })).ok).toBe(true);
  });

  it("reports a record-only measure that has a proxy", () => {
    const data = aFramework({ measures: [aMeasure({ ref: "ECC2", type: "Record", unit: "percent", proxy: 3, proxySource: "x" })] });
    expect(problemAt(data, `${MEASURE_0}.proxy`)).toMatchObject({ severity: "error", message: expect.stringContaining("ECC2 is record-only") });
  });

  it("reports a minimum weighting above the maximum", () => {
    const data = aFramework({ overrides: { policy: { minWeighting: 0.3, maxWeighting: 0.2 } } });
    expect(problemAt(data, "policy.minWeighting")?.message).toBe(
      "The policy's minimum weighting (30%) is higher than its maximum (20%); no tender could meet both.",
    );
  });

  it("reports schema and whole-file problems together, in the order they appear in the file", () => {
    const data = asJson(aFramework({ criteria: [aCriterion({ outcomeId: "nowhere" })] }));
    const [first, second] = data.themes[0].outcomes[0].measures;
    first.unit = "hrs";
    first.excludes = ["M9"];
    second.ref = "m1";
    second.proxy = null;
    delete second.description;
    data.policy = { minWeighting: 0.5, maxWeighting: 0.2 };
    data.source.publisher = " ";

    const result = loadFramework(data);

    expect(result.ok).toBe(false);
    expect(problemsOf(data).map((problem) => [problem.path, problem.severity])).toEqual([
      ["source.publisher", "error"],
      ["policy.minWeighting", "error"],
      [`${MEASURE_0}.unit`, "error"],
      [`${MEASURE_0}.excludes[0]`, "error"],
      [`${MEASURE_1}.ref`, "error"],
      [`${MEASURE_1}.description`, "error"],
      ["criteria[0].outcomeId", "error"],
    ]);
  });

  it("runs the whole-file checks even where the schema has already failed", () => {
    const data = asJson(aFramework({ measures: [aMeasure({ ref: "X" }), aMeasure({ ref: "X", unit: "bogus" as never })] }));
    const paths = problemsOf(data).map((problem) => problem.path);
    expect(paths).toEqual([`${MEASURE_1}.ref`, `${MEASURE_1}.unit`]);
  });
});

/** Every place in a JSON value, as a path of keys. */
function pathsIn(value: unknown, prefix: (string | number)[] = []): (string | number)[][] {
  const here = [prefix];
  if (Array.isArray(value)) return here.concat(value.flatMap((item, index) => pathsIn(item, [...prefix, index])));
  if (typeof value === "object" && value !== null) {
    return here.concat(Object.entries(value).flatMap(([key, item]) => pathsIn(item, [...prefix, key])));
  }
  return here;
}

type Mutation = { at: number; kind: "replace" | "delete" | "duplicate"; value: unknown };

/** Applies a mutation in place to the JSON value (the root is never replaced in place). */
function mutate(root: unknown, mutation: Mutation): void {
  const paths = pathsIn(root).filter((path) => path.length > 0);
  const path = paths[mutation.at % paths.length];
  if (!path) return;
  const parent = path.slice(0, -1).reduce<any>((node, key) => node[key], root); // eslint-disable-line @typescript-eslint/no-explicit-any -- walking arbitrary JSON
  const key = path[path.length - 1] as string | number;
  if (mutation.kind === "replace") parent[key] = mutation.value;
  else if (mutation.kind === "delete") {
    if (Array.isArray(parent) && typeof key === "number") parent.splice(key, 1);
    else delete parent[key];
  } else if (Array.isArray(parent)) parent.push(asJson(parent[key as number] ?? null));
  else parent[`${key}Copy`] = parent[key];
}

const mutationArb: fc.Arbitrary<Mutation> = fc.record({
  at: fc.nat(),
  kind: fc.constantFrom("replace" as const, "delete" as const, "duplicate" as const),
  value: fc.anything(),
});

/** The result's shape holds whatever the input: errors only when not ok, readable messages. */
function expectWellFormed(result: ReturnType<typeof loadFramework>): void {
  const problems = result.ok ? result.warnings : result.problems;
  for (const problem of problems) {
    expect(typeof problem.path).toBe("string");
    expect(["error", "warning"]).toContain(problem.severity);
    expect(problem.message).toMatch(/\S/);
    // Quoted parts echo the input, which may say anything; the rest is ours and must read well.
    const ownWords = problem.message.replace(/"[^"]*"/g, '""');
    expect(ownWords).not.toMatch(/undefined|\[object Object\]/);
    expect(problem.message).not.toContain(UNREADABLE);
  }
  if (result.ok) {
    expect(problems.every((problem) => problem.severity === "warning")).toBe(true);
    expect(frameworkSchema.safeParse(result.framework).success).toBe(true);
  } else {
    expect(problems.some((problem) => problem.severity === "error")).toBe(true);
  }
}

describe("loadFramework never throws", () => {
  it("on any JSON-like value", () => {
    fc.assert(
      fc.property(fc.anything(), (data) => {
        expectWellFormed(loadFramework(data));
      }),
    );
  });

  it("on any value placed where a measure, outcome or theme should be", () => {
    fc.assert(
      fc.property(fc.anything(), fc.anything(), fc.anything(), (measure, outcome, theme) => {
        const data = asJson(aFramework());
        data.themes[0].outcomes[0].measures.push(measure);
        data.themes[0].outcomes.push(outcome);
        data.themes.push(theme);
        expectWellFormed(loadFramework(data));
      }),
    );
  });

  it("on mutated copies of a valid framework", () => {
    fc.assert(
      fc.property(fc.constantFrom(ESSEX, ILLUSTRATIVE), fc.array(mutationArb, { minLength: 1, maxLength: 5 }), (framework, mutations) => {
        const data = asJson(framework);
        for (const mutation of mutations) mutate(data, mutation);
        expectWellFormed(loadFramework(data));
      }),
      { numRuns: 300 },
    );
  });
});

describe("loadFramework finds every instance of a mistake", () => {
  const REQUIRED_MEASURE_FIELDS = ["ref", "description", "unit", "proxy", "type"] as const;

  it("reports a missing required field of any measure at that field's path", () => {
    const places = ESSEX.themes.flatMap((theme, t) => theme.outcomes.flatMap((outcome, o) => outcome.measures.map((_m, m) => [t, o, m] as const)));
    fc.assert(
      fc.property(fc.constantFrom(...places), fc.constantFrom(...REQUIRED_MEASURE_FIELDS), ([t, o, m], fieldName) => {
        const data = asJson(ESSEX);
        delete data.themes[t].outcomes[o].measures[m][fieldName];
        expect(problemAt(data, `themes[${t}].outcomes[${o}].measures[${m}].${fieldName}`)?.severity).toBe("error");
      }),
    );
  });

  it("reports a copied measure as a duplicate ref", () => {
    fc.assert(
      fc.property(fc.nat(), (seed) => {
        const data = asJson(ESSEX);
        const outcomes = data.themes.flatMap((theme: { outcomes: unknown[] }) => theme.outcomes) as { measures: unknown[] }[];
        const withMeasures = outcomes.filter((outcome) => outcome.measures.length > 0);
        const outcome = withMeasures[seed % withMeasures.length]!;
        outcome.measures.push(asJson(outcome.measures[seed % outcome.measures.length]));
        expect(problemsOf(data).some((problem) => problem.message.includes("is already used by measure"))).toBe(true);
      }),
    );
  });
});
