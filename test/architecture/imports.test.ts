/**
 * The house plan (issue #13, docs/architecture.md): one direction of imports, pane → excel →
 * core, functions → core, forms → core; within core and the Excel layer, the shared folder
 * imports no evaluation step; and no import circle anywhere in src/.
 */
import { importCircles, importGraph, sourceFiles } from "./importGraph";

const graph = importGraph();
const layer = (file: string): string => file.split("/")[0] as string;

/** What each layer may import besides itself. */
const ALLOWED: Record<string, readonly string[]> = {
  core: [],
  forms: ["core"],
  functions: ["core"],
  excel: ["core", "forms"],
  taskpane: ["excel", "core", "forms"],
};

describe("imports in src/", () => {
  it("reads every file of src/ (the walk is not empty or partial)", () => {
    const files = sourceFiles();
    expect(files.length).toBeGreaterThan(100);
    expect(files).toEqual(expect.arrayContaining(["core/index.ts", "excel/actions.ts", "taskpane/App.tsx", "excel/moderation/marking.ts"]));
  });

  it("has no import circle", () => {
    expect(importCircles(graph)).toEqual([]);
  });

  it("goes one way between layers: pane → excel → core, functions → core, forms → core", () => {
    const wrong: string[] = [];
    for (const [file, targets] of graph) {
      for (const target of targets) {
        const from = layer(file);
        const to = layer(target);
        if (from !== to && !(ALLOWED[from] ?? []).includes(to)) wrong.push(`${file} → ${target}`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it("keeps the shared folders free of the evaluation steps", () => {
    const wrong: string[] = [];
    for (const [file, targets] of graph) {
      if (!/^(core|excel)\/shared\//.test(file)) continue;
      for (const target of targets) if (/^(core|excel)\/(setup|bids|validate|scores|moderation|report)\//.test(target)) wrong.push(`${file} → ${target}`);
    }
    expect(wrong).toEqual([]);
  });

  it("finds a circle when there is one (the check itself works)", () => {
    const circle = new Map([
      ["a.ts", ["b.ts"]],
      ["b.ts", ["c.ts"]],
      ["c.ts", ["a.ts"]],
      ["d.ts", ["a.ts"]],
    ]);
    expect(importCircles(circle)).toEqual([["a.ts", "b.ts", "c.ts"]]);
  });
});
