// Offline checks of manifest.xml: the Office add-in XSDs (via xmllint compiled to
// WebAssembly, so no system package is needed) plus the product's own rules that a
// schema cannot express. `office-addin-manifest validate` would send the manifest to
// an online service, which our build machines cannot reach.
"use strict";
const fs = require("fs");
const path = require("path");
const { validateXML } = require("xmllint-wasm");
const { releaseProblems } = require("./releaseManifest.cjs");

// The schemas live beside the project (../shared/officejs-xsd); they are a dev-time
// input only, never shipped. SV_XSD_DIR overrides the location.
const DEFAULT_XSD_DIR = path.resolve(__dirname, "..", "..", "shared", "officejs-xsd");
const MAIN_SCHEMA = "OfficeAppManifestV1_1.xsd";

function loadSchemas(xsdDir) {
  if (!fs.existsSync(path.join(xsdDir, MAIN_SCHEMA))) {
    throw new Error(
      `Cannot find the Office manifest schemas: ${path.join(xsdDir, MAIN_SCHEMA)} does not exist. ` +
        "Set SV_XSD_DIR to the folder holding OfficeAppManifestV1_1.xsd and the schemas it imports."
    );
  }
  const files = fs.readdirSync(xsdDir).filter((f) => f.endsWith(".xsd"));
  const all = files.map((f) => ({ fileName: f, contents: fs.readFileSync(path.join(xsdDir, f), "utf8") }));
  return {
    schema: all.find((f) => f.fileName === MAIN_SCHEMA),
    preload: all.filter((f) => f.fileName !== MAIN_SCHEMA),
  };
}

/** The product's rules on top of the schema: each returns a message or null. */
const productRules = [
  (xml) =>
    /<Runtime\b[^>]*\blifetime="long"/.test(xml)
      ? null
      : 'The shared runtime must be declared as <Runtime resid="..." lifetime="long"/> so the task pane, ribbon command and custom functions share one context.',
  (xml) =>
    /<bt:String id="Functions\.Namespace" DefaultValue="TENDER"\s*\/>/.test(xml)
      ? null
      : "The custom functions namespace must be TENDER: formulas in users' workbooks are written =TENDER.SVSCORE(...).",
  (xml) =>
    /<Permissions>ReadWriteDocument<\/Permissions>/.test(xml)
      ? null
      : "Permissions must be ReadWriteDocument: the add-in writes the evaluation workbook.",
  (xml) => {
    // The ribbon button must show the shared runtime's own page (its Runtime resid), by a
    // ShowTaskpane action with a TaskpaneId: ExecuteFunction + Office.addin.showAsTaskpane() is
    // refused for Marketplace add-ins and often ignores the first click; a ShowTaskpane at
    // another page would open a second pane beside the runtime's.
    const runtime = /<Runtime\b[^>]*\bresid="([^"]+)"/.exec(xml)?.[1];
    const actions = [...xml.matchAll(/<Action xsi:type="([^"]+)">([\s\S]*?)<\/Action>/g)];
    if (actions.length === 0) return "The ribbon button has no <Action>: it must be a ShowTaskpane action that opens the evaluation pane.";
    for (const [, type, body] of actions) {
      if (type !== "ShowTaskpane") return `The ribbon button's action is ${type}; it must be ShowTaskpane (Office.addin.showAsTaskpane() from an ExecuteFunction is refused for Marketplace add-ins and often ignores the first click).`;
      if (!/<TaskpaneId>[^<]+<\/TaskpaneId>/.test(body)) return "The ShowTaskpane action needs a <TaskpaneId>, so every button reaches the same pane.";
      const source = /<SourceLocation resid="([^"]+)"\s*\/>/.exec(body)?.[1];
      if (source !== runtime) return `The ShowTaskpane action opens ${source ?? "no page"}, not the shared runtime's page (${runtime ?? "none declared"}): it would open a second pane without the runtime's state.`;
    }
    return null;
  },
  (xml) => {
    const insecure = [...xml.matchAll(/(?:DefaultValue="|<AppDomain>)(http:\/\/[^"<]*)/g)].map((m) => m[1]);
    return insecure.length === 0 ? null : `Every URL must use https; found ${insecure.join(", ")}.`;
  },
];

/**
 * Validate manifest text. Resolves to { valid, errors: string[] } listing every problem
 * found, schema errors with their line numbers first.
 */
async function checkManifest(xmlText, { xsdDir = process.env.SV_XSD_DIR || DEFAULT_XSD_DIR } = {}) {
  const { schema, preload } = loadSchemas(xsdDir);
  const result = await validateXML({ xml: [{ fileName: "manifest.xml", contents: xmlText }], schema, preload });
  const errors = result.errors.map((e) => (e.loc ? `line ${e.loc.lineNumber}: ${e.message}` : e.rawMessage));
  for (const rule of productRules) {
    const problem = rule(xmlText);
    if (problem) errors.push(problem);
  }
  // A release (any id but the development one) must name no local address (releaseManifest.cjs).
  errors.push(...releaseProblems(xmlText));
  return { valid: errors.length === 0, errors };
}

module.exports = { checkManifest, DEFAULT_XSD_DIR };
