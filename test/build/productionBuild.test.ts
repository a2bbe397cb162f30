/**
 * The production build, run once through webpack's Node API into a temporary folder: the
 * files Excel loads exist, the page loads all three bundles (shared runtime), functions.json
 * is exactly what the metadata generator produces from the JSDoc, and the functions bundle
 * carries no UI code and no HyperFormula (GPLv3, tests only).
 */
import { generateCustomFunctionsMetadata } from "custom-functions-metadata";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import webpack from "webpack";

const root = join(__dirname, "..", "..");
const out = mkdtempSync(join(tmpdir(), "sv-build-"));

jest.setTimeout(180_000);

beforeAll(async () => {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- webpack.config.js is CommonJS
  const makeConfig = require(join(root, "webpack.config.js")) as (env: unknown, argv: { mode: string }) => Promise<webpack.Configuration>;
  const config = await makeConfig({}, { mode: "production" });
  config.context = root;
  config.output = { ...config.output, path: out };
  const stats = await new Promise<webpack.Stats>((resolve, reject) =>
    webpack(config, (err, s) => (err || !s ? reject(err ?? new Error("no stats")) : resolve(s)))
  );
  if (stats.hasErrors()) throw new Error(stats.toString({ all: false, errors: true }));
});

afterAll(() => rmSync(out, { recursive: true, force: true }));

describe("npm run build", () => {
  it.each(["taskpane.html", "taskpane.js", "functions.js", "functions.json", "manifest.xml", "help.html", "assets/icon-32.png"])(
    "emits %s",
    (file) => {
      expect(existsSync(join(out, file))).toBe(true);
    }
  );

  it("loads the functions and the pane from the one page (shared runtime), after office.js", () => {
    const html = readFileSync(join(out, "taskpane.html"), "utf8");
    const order = ["appsforoffice.microsoft.com/lib/1/hosted/office.js", "functions.js", "taskpane.js"].map((s) => html.indexOf(s));
    expect(order.every((i) => i >= 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
  });

  it("emits the functions.json the metadata generator makes from the JSDoc, with data types passed as plain values", async () => {
    const generated = await generateCustomFunctionsMetadata(join(root, "src", "functions", "functions.ts"), true);
    const emitted = JSON.parse(readFileSync(join(out, "functions.json"), "utf8")) as { allowCustomDataForDataTypeAny?: boolean };
    // A linked data type (Stocks, Geography) in a cell reaches a TENDER function as its value, not as an object.
    expect(emitted.allowCustomDataForDataTypeAny).toBe(false);
    expect(emitted).toEqual({ ...JSON.parse(generated.metadataJson), allowCustomDataForDataTypeAny: false });
  });

  it("associates every function in functions.json inside the functions bundle", () => {
    const ids = (JSON.parse(readFileSync(join(out, "functions.json"), "utf8")) as { functions: { id: string }[] }).functions.map((f) => f.id);
    const bundle = readFileSync(join(out, "functions.js"), "utf8");
    for (const id of ids) expect(bundle).toContain(`associate("${id}"`);
  });

  it("keeps React, Fluent UI and HyperFormula out of the functions bundle", () => {
    const bundle = readFileSync(join(out, "functions.js"), "utf8");
    expect(bundle).not.toMatch(/react\.production|__SECRET_INTERNALS|fluentui|HyperFormula/i);
  });

  it("keeps HyperFormula out of every production bundle", () => {
    for (const file of ["taskpane.js", "functions.js"]) {
      expect(readFileSync(join(out, file), "utf8")).not.toMatch(/HyperFormula|handsontable/i);
    }
  });
});
