/**
 * The README's data model is the schema's (issue #20: "the README's Portfolio section, with the
 * data model's table and column list"): the table between the markers is schemaMarkdown() to the
 * character, so a column added, renamed or re-described in schema.ts fails here until the README
 * says so too.
 */
import { readFileSync } from "fs";
import { join } from "path";
import { schemaMarkdown } from "../../../src/core/portfolio/schema";

const README = readFileSync(join(__dirname, "..", "..", "..", "README.md"), "utf8");

describe("the README's portfolio data model", () => {
  it("is the schema's table, column for column", () => {
    const between = /<!-- portfolio-schema:start -->\n([\s\S]*?)\n<!-- portfolio-schema:end -->/.exec(README);
    expect(between).not.toBeNull();
    expect(between![1]).toBe(schemaMarkdown());
  });
});
