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
  dimensionality?: string;
  optional?: boolean;
}
interface FunctionMetadata {
  id: string;
  name: string;
  description?: string;
  parameters: Parameter[];
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

  it("SVRETURN takes value and contract_value as ranges, both required", () => {
    const f = byId("SVRETURN");
    expect(f.parameters.map((p) => [p.name, p.dimensionality, p.optional ?? false])).toEqual([
      ["value", "matrix", false],
      ["contract_value", "matrix", false],
    ]);
  });
});
