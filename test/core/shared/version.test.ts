import { readFileSync } from "node:fs";
import { join } from "node:path";
import { ADDIN_VERSION } from "../../../src/core";

describe("the add-in's version", () => {
  it("is package.json's, so the pane and the self-test report show the version released", () => {
    const pkg = JSON.parse(readFileSync(join(__dirname, "..", "..", "..", "package.json"), "utf8")) as { version: string };
    expect(ADDIN_VERSION).toBe(pkg.version);
  });
});
