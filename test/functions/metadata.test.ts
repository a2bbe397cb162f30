import { generateCustomFunctionsMetadata } from "custom-functions-metadata";
import { join } from "path";

/**
 * functions.json is the contract Excel reads; it is generated from the JSDoc of
 * src/functions/functions.ts. Ids are stored in users' workbooks, so they are frozen here.
 */
const functionsFile = join(__dirname, "..", "..", "src", "functions", "functions.ts");

interface Parameter {
  name: string;
  description?: string;
  type?: string;
  dimensionality?: string;
  optional?: boolean;
}
interface FunctionMetadata {
  id: string;
  name: string;
  description?: string;
  parameters: Parameter[];
  result?: { type?: string; dimensionality?: string };
  options?: { volatile?: boolean };
}

let metadata: { functions: FunctionMetadata[] };
let errors: string[];

beforeAll(async () => {
  const result = await generateCustomFunctionsMetadata(functionsFile, true);
  errors = result.errors;
  metadata = JSON.parse(result.metadataJson) as { functions: FunctionMetadata[] };
});

const byId = (id: string): FunctionMetadata => {
  const fn = metadata.functions.find((f) => f.id === id);
  if (!fn) throw new Error(`${id} is not in functions.json`);
  return fn;
};

describe("custom functions metadata", () => {
  it("generates without errors", () => {
    expect(errors).toEqual([]);
  });

  it("gives every function a unique id equal to its name", () => {
    const ids = metadata.functions.map((f) => f.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const f of metadata.functions) expect(f.name).toBe(f.id);
  });

  it("describes every function and every argument", () => {
    for (const f of metadata.functions) {
      expect(f.description?.length).toBeGreaterThan(20);
      for (const p of f.parameters) expect(`${f.id}.${p.name}: ${p.description ?? ""}`).toMatch(/: \S.{10,}/);
    }
  });

  it("makes no function volatile, so recalculation follows inputs only", () => {
    for (const f of metadata.functions) expect(f.options?.volatile ?? false).toBe(false);
  });

  it("registers exactly the shipped ids, in order", () => {
    expect(metadata.functions.map((f) => f.id)).toEqual([
      "SVVALUE",
      "SVRETURN",
      "SVSCORE",
      "SVCHECK",
      "SVBENCHMARK",
      "SVPRICESCORE",
      "SVMARKPOINTS",
      "SVSPREAD",
    ]);
  });

  it("declares every parameter as type any, so the functions decide the error and its message themselves", () => {
    for (const f of metadata.functions) for (const p of f.parameters) expect(`${f.id}.${p.name}: ${p.type ?? ""}`).toBe(`${f.id}.${p.name}: any`);
  });

  // [name, "matrix" for a range or "scalar" for one value, optional]
  it.each<[string, Array<[string, string, boolean]>]>([
    [
      "SVVALUE",
      [
        ["refs", "matrix", false],
        ["quantities", "matrix", false],
        ["measure_refs", "matrix", false],
        ["proxies", "matrix", false],
        ["criteria_range", "matrix", true],
        ["criterion", "scalar", true],
      ],
    ],
    [
      "SVRETURN",
      [
        ["value", "matrix", false],
        ["contract_value", "matrix", false],
      ],
    ],
    [
      "SVSCORE",
      [
        ["value", "matrix", false],
        ["values", "matrix", false],
        ["max_points", "scalar", false],
        ["method", "scalar", true],
        ["target", "scalar", true],
      ],
    ],
    [
      "SVCHECK",
      [
        ["ref", "scalar", false],
        ["quantity", "scalar", false],
        ["unit", "scalar", false],
        ["measure_refs", "matrix", false],
        ["measure_units", "matrix", false],
        ["in_scope", "matrix", true],
        ["proxies", "matrix", true],
        ["types", "matrix", true],
        ["ceilings", "matrix", true],
        ["contract_value", "scalar", true],
        ["clarified", "scalar", true],
        ["value", "scalar", true],
        ["type", "scalar", true],
      ],
    ],
    [
      "SVBENCHMARK",
      [
        ["return_ratio", "matrix", false],
        ["kind", "scalar", true],
      ],
    ],
    [
      "SVPRICESCORE",
      [
        ["price", "matrix", false],
        ["prices", "matrix", false],
        ["max_points", "scalar", false],
      ],
    ],
    [
      "SVMARKPOINTS",
      [
        ["mark", "matrix", false],
        ["scale_marks", "matrix", false],
        ["max_points", "scalar", false],
      ],
    ],
    ["SVSPREAD", [["marks", "matrix", false]]],
  ])("%s takes its parameters as ranges or single values, required or optional, as intended", (id, parameters) => {
    expect(byId(id).parameters.map((p) => [p.name, p.dimensionality ?? "scalar", p.optional ?? false])).toEqual(parameters);
  });

  // A function whose first argument may be a range returns a range of the same shape (it spills).
  it.each([
    ["SVVALUE", "number", "scalar"],
    ["SVRETURN", "number", "matrix"],
    ["SVSCORE", "number", "matrix"],
    ["SVCHECK", "string", "scalar"],
    ["SVBENCHMARK", "string", "matrix"],
    ["SVPRICESCORE", "number", "matrix"],
    ["SVMARKPOINTS", "number", "matrix"],
    ["SVSPREAD", "number", "scalar"],
  ])("%s returns a %s %s", (id, type, dimensionality) => {
    const { result } = byId(id);
    expect([result?.type, result?.dimensionality ?? "scalar"]).toEqual([type, dimensionality]);
  });

  it("SVRETURN takes value and contract_value as ranges, both required", () => {
    const f = byId("SVRETURN");
    expect(f.parameters.map((p) => [p.name, p.dimensionality, p.optional ?? false])).toEqual([
      ["value", "matrix", false],
      ["contract_value", "matrix", false],
    ]);
  });
});
