/** @jest-environment jsdom */
/**
 * The property of savedEntries.property.test.ts, a few runs through the Moderation page itself:
 * whatever an evaluator does on the page (choose a name, give or clear marks, save) while a
 * co-author writes on SV Marks, no save writes a blank over a saved mark the evaluator did not
 * clear, or a mark they did not give. The fake workbook keeps SV Marks' rows: saves land there
 * and every read returns them as they are now.
 */
import "../setup";
import fc from "fast-check";
import { cleanup, screen, waitFor, within } from "@testing-library/react";
import type { MarkInput, MarkRow } from "../../../src/excel/moderation/moderationActions";
import { ModerationPage } from "../../../src/taskpane/moderation/ModerationPage";
import { aFakeActions } from "../fakeActions";
import { aMarkingView, BIDDERS, CRITERIA, EVALUATORS, markRows } from "../fakeModerationActions";
import { renderPage } from "../renderPage";

const TASKS = BIDDERS.flatMap((bidder) => CRITERIA.map((c) => ({ bidder, criterion: c.id })));
const keyOf = (bidder: string, criterion: string) => `${bidder}|${criterion}`;

type Step =
  | { kind: "choose"; evaluator: number }
  | { kind: "give"; task: number; mark: number }
  | { kind: "clear"; task: number }
  | { kind: "save" }
  | { kind: "coAuthor"; evaluator: number; task: number; mark: number | null };

const task = fc.integer({ min: 0, max: TASKS.length - 1 });
const evaluator = fc.integer({ min: 0, max: EVALUATORS.length - 1 });
const step: fc.Arbitrary<Step> = fc.oneof(
  { arbitrary: fc.record({ kind: fc.constant("choose" as const), evaluator }), weight: 1 },
  { arbitrary: fc.record({ kind: fc.constant("give" as const), task, mark: fc.integer({ min: 0, max: 5 }) }), weight: 3 },
  { arbitrary: fc.record({ kind: fc.constant("clear" as const), task }), weight: 2 },
  { arbitrary: fc.constant({ kind: "save" as const }), weight: 2 },
  { arbitrary: fc.record({ kind: fc.constant("coAuthor" as const), evaluator, task, mark: fc.option(fc.integer({ min: 0, max: 5 })) }), weight: 2 },
);

function field(t: { bidder: string; criterion: string }) {
  return within(screen.getByRole("group", { name: new RegExp(`^${t.bidder} ${t.criterion}:`) })).getByRole("combobox", { name: "Mark" });
}

describe("Moderation page: saved marks are never lost, over any steps", () => {
  it("writes a blank over a saved mark only where the evaluator cleared it, and only marks they changed", async () => {
    let saves = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(fc.integer({ min: 0, max: 5 }), { minLength: 12, maxLength: 12 }), evaluator, fc.array(step, { minLength: 3, maxLength: 8 }), async (initial, first, steps) => {
        let rows: MarkRow[] = markRows((e, b, c) => {
          const i = EVALUATORS.indexOf(e) * TASKS.length + TASKS.findIndex((t) => t.bidder === b && t.criterion === c);
          return initial[i] === 5 ? null : (initial[i] ?? null);
        });
        const violations: string[] = [];
        // What the evaluator on screen did since their marks last matched SV Marks.
        let who = "";
        let cleared = new Set<string>();
        let given = new Set<string>();
        const actions = aFakeActions({
          readMarking: jest.fn(async () => aMarkingView({ marks: rows.map((r) => ({ ...r })) })),
          saveMarks: jest.fn(async (name: string, marks: readonly MarkInput[]) => {
            for (const m of marks) {
              const row = rows.find((r) => r.evaluator === name && r.bidder === m.bidder && r.criterion === m.criterion)!;
              const key = keyOf(m.bidder, m.criterion);
              if (m.mark !== undefined && !given.has(key) && !cleared.has(key)) violations.push(`${name} never changed ${key}, yet ${String(m.mark)} was sent over ${String(row.mark)}`);
              if (m.mark === null && row.mark !== null && !cleared.has(key)) violations.push(`a blank went over ${name}'s ${row.mark} for ${key}, which they did not clear`);
            }
            rows = rows.map((r) => {
              const m = marks.find((x) => r.evaluator === name && x.bidder === r.bidder && x.criterion === r.criterion);
              return m === undefined ? r : { ...r, mark: m.mark === undefined ? r.mark : m.mark, comment: m.comment ?? r.comment };
            });
            saves++;
            cleared = new Set();
            given = new Set();
            return { saved: marks.length };
          }),
        });
        const { user } = renderPage(<ModerationPage actions={actions} />);
        try {
          await user.click(screen.getByRole("button", { name: "Load the marking sheet" }));
          const choose = async (n: number): Promise<void> => {
            who = EVALUATORS[n]!;
            cleared = new Set();
            given = new Set();
            await user.selectOptions(await screen.findByRole("combobox", { name: /Who is marking/ }), who);
            // The switch's read has answered once the section is idle again.
            await waitFor(() => expect(screen.getByRole("button", { name: "Save my marks" })).toBeEnabled());
          };
          await choose(first);
          for (const s of steps) {
            if (s.kind === "choose") await choose(s.evaluator);
            else if (s.kind === "give") {
              const t = TASKS[s.task]!;
              await user.selectOptions(field(t), String(s.mark));
              given.add(keyOf(t.bidder, t.criterion));
              cleared.delete(keyOf(t.bidder, t.criterion));
            } else if (s.kind === "clear") {
              const t = TASKS[s.task]!;
              if ((field(t) as HTMLSelectElement).value === "") continue;
              await user.selectOptions(field(t), "");
              cleared.add(keyOf(t.bidder, t.criterion));
            } else if (s.kind === "save") {
              await user.click(screen.getByRole("button", { name: "Save my marks" }));
              await waitFor(() => expect(screen.getByRole("button", { name: "Save my marks" })).toBeEnabled());
            } else {
              const t = TASKS[s.task]!;
              rows = rows.map((r) => (r.evaluator === EVALUATORS[s.evaluator] && r.bidder === t.bidder && r.criterion === t.criterion ? { ...r, mark: s.mark } : r));
            }
          }
          expect(violations).toEqual([]);
        } finally {
          cleanup();
        }
      }),
      { numRuns: Number(process.env.PROPERTY_RUNS_UI ?? 8) },
    );
    expect(saves).toBeGreaterThan(0);
  }, 180_000);
});
