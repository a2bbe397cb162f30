/**
 * Issue #16's proof that saved entries are never lost: over any sequence of what a user and a
 * co-author can do, the pane's own rules (markDrafts.ts, consensusDraft.ts) and core's write
 * plans (planSaveMarks, planConsensus) never write a blank over a saved mark, consensus or
 * rationale the user did not clear, and write only what the user changed. The workbook is a
 * hand-built snapshot whose cells the plans' writes are applied to, so each step reads what the
 * steps before it wrote, as the pane does through Excel.
 */
import fc from "fast-check";
import { markingView, planSaveMarks } from "../../../src/core/moderation/marking";
import { moderationView, planConsensus } from "../../../src/core/moderation/consensus";
import type { ModerationSnapshot, TableData } from "../../../src/core/moderation/snapshot";
import type { WritePlan } from "../../../src/core/shared/writePlan";
import type { MarkingView, ModerationView } from "../../../src/core/moderation/views";
import { draftsOf, keepTypedSince, marksToSave, type MarkDraft } from "../../../src/taskpane/moderation/markDrafts";
import { changedFields, consensusInput, shownDraft, type ConsensusEdits } from "../../../src/taskpane/moderation/consensusDraft";
import { taskKey } from "../../../src/taskpane/moderation/keys";
import { aSnapshot, aTable, CONSENSUS_HEADERS, MARK_HEADERS } from "../../core/moderation/snapshotBuilders";

const AT = "2026-12-07T10:00:00.000Z";
const EVALUATORS = ["Ann", "Ben"];
const BIDDERS = ["Acme Ltd", "Birch Homes"];
const CRITERIA = ["Q1", "Q2"];
const ITEMS = BIDDERS.flatMap((b) => CRITERIA.map((c) => [b, c] as const));
const RUNS = Number(process.env.PROPERTY_RUNS ?? 300);

function unwrap<T>(d: { ok: true; value: T } | { ok: false; refusal: string }): T {
  if (!d.ok) throw new Error(`test set-up: ${d.refusal}`);
  return d.value;
}

/** Applies a plan's cell writes to the snapshot's tables, as Excel would to the cells. */
function apply(wb: ModerationSnapshot, plan: WritePlan): void {
  for (const w of plan.writes) {
    const table = Object.values(wb.tables).find((t): t is TableData => t !== undefined && t.sheet === w.sheet);
    if (table === undefined) throw new Error(`no table on ${w.sheet}`);
    w.values.forEach((values, i) =>
      values.forEach((value, j) => {
        table.rows[w.row - table.firstRow + i]![w.column - table.firstColumn + j] = value;
      }),
    );
  }
}

/** The cell a write lands on, before it lands: [header, value now]. */
function target(wb: ModerationSnapshot, w: WritePlan["writes"][number]): { header: string; now: unknown; row: unknown[] } {
  const table = Object.values(wb.tables).find((t): t is TableData => t !== undefined && t.sheet === w.sheet)!;
  const row = table.rows[w.row - table.firstRow]!;
  return { header: table.headers[w.column - table.firstColumn]!, now: row[w.column - table.firstColumn], row };
}

const blank = (v: unknown): boolean => v === "" || v === null || v === undefined;

const criteriaTable = () => aTable("criteria", ["Id", "Criterion", "Guidance", "Weight"], CRITERIA.map((c) => [c, `Local training and employment (${c})`, "", 1]));
const scoresTable = () => aTable("scores", ["Bidder"], BIDDERS.map((b) => [b]));

describe("marks: no sequence of pane actions writes a blank over a saved mark the evaluator did not clear", () => {
  type Step =
    | { kind: "choose"; evaluator: number }
    | { kind: "readArrives" }
    | { kind: "reload" }
    | { kind: "type"; task: number; mark: number }
    | { kind: "clear"; task: number }
    | { kind: "comment"; task: number; text: string }
    | { kind: "save" }
    | { kind: "coAuthor"; evaluator: number; task: number; cell: number | "" | "four" };

  const task = fc.integer({ min: 0, max: ITEMS.length - 1 });
  const choose = fc.record({ kind: fc.constant("choose" as const), evaluator: fc.integer({ min: 0, max: 1 }) });
  // Weighted towards typing and saving, so most runs save something more than once.
  const step: fc.Arbitrary<Step> = fc.oneof(
    { arbitrary: choose, weight: 1 },
    { arbitrary: fc.constant({ kind: "readArrives" as const }), weight: 2 },
    { arbitrary: fc.constant({ kind: "reload" as const }), weight: 1 },
    { arbitrary: fc.record({ kind: fc.constant("type" as const), task, mark: fc.integer({ min: 0, max: 5 }) }), weight: 4 },
    { arbitrary: fc.record({ kind: fc.constant("clear" as const), task }), weight: 3 },
    { arbitrary: fc.record({ kind: fc.constant("comment" as const), task, text: fc.constantFrom("", "Named partners", "No dates") }), weight: 1 },
    { arbitrary: fc.constant({ kind: "save" as const }), weight: 3 },
    {
      arbitrary: fc.record({ kind: fc.constant("coAuthor" as const), evaluator: fc.integer({ min: 0, max: 1 }), task, cell: fc.oneof(fc.integer({ min: 0, max: 5 }), fc.constantFrom("" as const, "four" as const)) }),
      weight: 3,
    },
  );
  const start = fc.array(fc.oneof(fc.integer({ min: 0, max: 5 }), fc.constant("")), { minLength: EVALUATORS.length * ITEMS.length, maxLength: EVALUATORS.length * ITEMS.length });

  function workbook(initial: readonly (number | "")[]): ModerationSnapshot {
    const rows = EVALUATORS.flatMap((e, i) => ITEMS.map(([b, c], j) => [e, b, c, initial[i * ITEMS.length + j] ?? "", "", ""]));
    return aSnapshot({ tables: { marks: aTable("marks", MARK_HEADERS, rows), criteria: criteriaTable(), scores: scoresTable() } });
  }

  it("over any steps, with co-authors writing between them", () => {
    let saves = 0;
    fc.assert(
      fc.property(start, choose, fc.array(step, { minLength: 5, maxLength: 40, size: "max" }), (initial, first, rest) => {
        const wb = workbook(initial);
        const steps = [first, ...rest];
        let view: MarkingView = unwrap(markingView(wb));
        let evaluator = "";
        let drafts: Record<string, MarkDraft> = {};
        let saved: Record<string, MarkDraft> = {};
        let shown: Record<string, MarkDraft> | undefined;
        // What the evaluator did since the form last matched SV Marks: marks cleared, parts touched.
        let cleared = new Set<string>();
        let touched = new Set<string>();
        const tasks = ITEMS.map(([bidder, criterion]) => ({ key: taskKey(bidder, criterion), bidder, criterion }));
        const edit = (i: number, part: Partial<MarkDraft>): void => {
          const key = tasks[i]!.key;
          drafts = { ...drafts, [key]: { ...(drafts[key] ?? { mark: "", comment: "" }), ...part } };
          for (const p of Object.keys(part)) touched.add(`${key}|${p}`);
        };

        for (const s of steps) {
          switch (s.kind) {
            case "choose":
              // A switch while the last one's read runs starts no read of its own: that read serves it.
              evaluator = EVALUATORS[s.evaluator]!;
              drafts = draftsOf(view, evaluator);
              saved = drafts;
              shown = drafts;
              cleared = new Set();
              touched = new Set();
              break;
            case "readArrives": {
              if (shown === undefined) break;
              view = unwrap(markingView(wb));
              const latest = draftsOf(view, evaluator);
              saved = latest;
              drafts = keepTypedSince(latest, drafts, shown);
              shown = undefined;
              break;
            }
            case "reload":
              // One workbook action at a time: not while the switch's read runs.
              if (shown !== undefined) break;
              view = unwrap(markingView(wb));
              drafts = evaluator === "" ? {} : draftsOf(view, evaluator);
              saved = drafts;
              shown = undefined;
              cleared = new Set();
              touched = new Set();
              break;
            case "type":
              if (evaluator === "") break;
              edit(s.task, { mark: String(s.mark) });
              cleared.delete(tasks[s.task]!.key);
              break;
            case "clear":
              // "Not marked" chosen where a mark shows: the only way the pane clears a mark.
              if (evaluator === "" || (drafts[tasks[s.task]!.key]?.mark ?? "") === "") break;
              edit(s.task, { mark: "" });
              cleared.add(tasks[s.task]!.key);
              break;
            case "comment":
              if (evaluator === "") break;
              edit(s.task, { comment: s.text });
              break;
            case "save": {
              if (evaluator === "" || shown !== undefined) break;
              const { marks } = marksToSave(tasks, drafts, saved);
              if (marks.length === 0) break;
              const d = planSaveMarks(wb, evaluator, marks, AT);
              if (!d.ok) break;
              for (const w of d.value.plan.writes) {
                const { header, now, row } = target(wb, w);
                const key = taskKey(String(row[1]), String(row[2]));
                // Only the evaluator's own rows, and only the parts they changed (Updated goes with them).
                expect(String(row[0])).toBe(evaluator);
                if (header === "Mark") expect(touched.has(`${key}|mark`)).toBe(true);
                if (header === "Comment") expect(touched.has(`${key}|comment`)).toBe(true);
                if (header === "Mark" && blank(w.values[0]![0]) && !blank(now)) expect(cleared.has(key)).toBe(true);
              }
              apply(wb, d.value.plan);
              saves++;
              saved = drafts;
              cleared = new Set();
              touched = new Set();
              break;
            }
            case "coAuthor": {
              const [b, c] = ITEMS[s.task]!;
              const row = wb.tables.marks!.rows.find((r) => r[0] === EVALUATORS[s.evaluator] && r[1] === b && r[2] === c)!;
              row[3] = s.cell;
              break;
            }
          }
        }
      }),
      { numRuns: RUNS },
    );
    // The property was tested on saves that wrote, not only on sequences that never saved.
    expect(saves).toBeGreaterThan(RUNS / 2);
  });
});

describe("consensus: no sequence of pane actions writes a blank over a recorded mark or rationale, or a field the panel did not change", () => {
  /** Rationales that can close an item, one per item so none reads as copied from another. */
  const GOOD = [
    "Three named local training partners and 120 committed hours of mentoring meet the training criterion well, with start dates.",
    "Quarterly reports with payroll evidence show how local employment will be verified; no independent audit, so good not excellent.",
    "The training offer names no partners, no dates and no local recruitment route, so it only partly meets the criterion.",
    "Measurement relies on yearly self-reporting with no evidence named, which is weak against the criterion's verification test.",
  ];
  type Step =
    | { kind: "select"; item: number }
    | { kind: "readArrives" }
    | { kind: "mark"; mark: number | "" }
    | { kind: "rationale"; text: number | "" | "Agreed" }
    | { kind: "toggle"; evaluator: number; on: boolean }
    | { kind: "record" }
    | { kind: "coAuthor"; item: number; column: "Consensus" | "Rationale" | "AgreedBy"; value: number };

  const item = fc.integer({ min: 0, max: ITEMS.length - 1 });
  const select = fc.record({ kind: fc.constant("select" as const), item });
  // Weighted towards filling the form and recording, so most runs record something.
  const step: fc.Arbitrary<Step> = fc.oneof(
    { arbitrary: select, weight: 1 },
    { arbitrary: fc.constant({ kind: "readArrives" as const }), weight: 1 },
    { arbitrary: fc.record({ kind: fc.constant("mark" as const), mark: fc.oneof(fc.integer({ min: 0, max: 5 }), fc.constant("" as const)) }), weight: 3 },
    {
      arbitrary: fc.record({
        kind: fc.constant("rationale" as const),
        text: fc.oneof({ arbitrary: fc.integer({ min: 0, max: GOOD.length - 1 }), weight: 3 }, { arbitrary: fc.constantFrom("" as const, "Agreed" as const), weight: 1 }),
      }),
      weight: 3,
    },
    { arbitrary: fc.record({ kind: fc.constant("toggle" as const), evaluator: fc.integer({ min: 0, max: 1 }), on: fc.boolean() }), weight: 1 },
    { arbitrary: fc.constant({ kind: "record" as const }), weight: 3 },
    {
      arbitrary: fc.record({ kind: fc.constant("coAuthor" as const), item, column: fc.constantFrom("Consensus" as const, "Rationale" as const, "AgreedBy" as const), value: fc.integer({ min: 0, max: 5 }) }),
      weight: 2,
    },
  );

  function workbook(): ModerationSnapshot {
    const marks = aTable("marks", MARK_HEADERS, EVALUATORS.flatMap((e, i) => ITEMS.map(([b, c]) => [e, b, c, 2 + i, "", AT])));
    const consensus = aTable("consensus", CONSENSUS_HEADERS, ITEMS.map(([b, c]) => [b, c, ...new Array<unknown>(12).fill("")]));
    return aSnapshot({ settings: { moderationOpen: "Yes" }, tables: { marks, consensus, criteria: criteriaTable(), scores: scoresTable() } });
  }

  /** A co-author's entry in one cell: a mark, one of the good rationales, or who agreed. */
  function coAuthorValue(column: "Consensus" | "Rationale" | "AgreedBy", n: number): unknown {
    if (column === "Consensus") return n === 5 ? "" : n;
    if (column === "Rationale") return n >= GOOD.length ? "" : `${GOOD[n]} (co-author)`;
    return ["Ann", "Ben", "Ann, Ben", ""][n % 4];
  }

  it("over any steps, with co-authors writing between them", () => {
    let recorded = 0;
    fc.assert(
      fc.property(select, fc.array(step, { minLength: 5, maxLength: 40, size: "max" }), (first, rest) => {
        const wb = workbook();
        const steps = [first, ...rest];
        const table = wb.tables.consensus!;
        const col = (h: string): number => table.headers.indexOf(h);
        let view: ModerationView = unwrap(moderationView(wb));
        let selected: string | undefined;
        let edits: Record<string, ConsensusEdits> = {};
        const keyOf = (i: { bidder: string; criterion: string }) => taskKey(i.bidder, i.criterion);
        const current = () => view.items.find((i) => keyOf(i) === selected);
        const edit = (change: ConsensusEdits | ((shown: ReturnType<typeof shownDraft>) => ConsensusEdits)): void => {
          const it = current();
          if (it === undefined) return;
          const part = typeof change === "function" ? change(shownDraft(it, view.evaluators, edits[selected!])) : change;
          edits = { ...edits, [selected!]: { ...edits[selected!], ...part } };
        };

        for (const s of steps) {
          switch (s.kind) {
            case "select":
              selected = taskKey(...ITEMS[s.item]!);
              break;
            case "readArrives":
              view = unwrap(moderationView(wb));
              break;
            case "mark":
              edit({ mark: String(s.mark) });
              break;
            case "rationale":
              edit({ rationale: typeof s.text === "number" ? GOOD[s.text]! : s.text });
              break;
            case "toggle": {
              const who = EVALUATORS[s.evaluator]!;
              edit((shown) => ({ agreedBy: s.on ? view.evaluators.filter((e) => e === who || shown.agreedBy.includes(e)) : shown.agreedBy.filter((e) => e !== who) }));
              break;
            }
            case "record": {
              const it = current();
              if (it === undefined) break;
              const mine = edits[selected!] ?? {};
              const shown = shownDraft(it, view.evaluators, mine);
              const fields = changedFields(it, view.evaluators, shown);
              const input = consensusInput(it, shown, fields);
              if (fields.length === 0 || input === undefined || shown.agreedBy.length === 0) break;
              const d = unwrap(planConsensus(wb, input, AT));
              for (const w of d.plan.writes) {
                const { header, now } = target(wb, w);
                const value = w.values[0]![0];
                if (header === "Consensus" || header === "Rationale") {
                  // Never a blank over what is recorded, and only a field the panel changed here.
                  expect(blank(value) && !blank(now)).toBe(false);
                  expect(mine[header === "Consensus" ? "mark" : "rationale"]).toBeDefined();
                }
                if (header === "Consensus") expect(String(value)).toBe(mine.mark);
                if (header === "Rationale") expect(value).toBe(mine.rationale?.trim());
                // Who agreed is written when the panel changed it, or recorded the whole panel the
                // form proposed where the pane read no one (the panel saw them ticked and recorded).
                if (header === "AgreedBy") expect(mine.agreedBy !== undefined || it.agreedBy.trim() === "").toBe(true);
              }
              if (!d.result.ok) {
                expect(d.plan.writes).toEqual([]);
                break;
              }
              apply(wb, d.plan);
              recorded++;
              edits = Object.fromEntries(Object.entries(edits).filter(([k]) => k !== selected));
              view = unwrap(moderationView(wb));
              break;
            }
            case "coAuthor": {
              const [b, c] = ITEMS[s.item]!;
              const row = table.rows.find((r) => r[0] === b && r[1] === c)!;
              row[col(s.column)] = coAuthorValue(s.column, s.value);
              break;
            }
          }
        }
      }),
      { numRuns: RUNS },
    );
    // The property was tested on records that wrote, not only on refusals.
    expect(recorded).toBeGreaterThan(RUNS / 10);
  });
});
