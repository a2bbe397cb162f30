/**
 * The grid's keyboard, as Excel's: what a key does when a cell is selected (Ready mode) and
 * while a cell is being edited in place (Enter mode after typing, Edit mode after F2). Pure, so
 * the rules are tested without a browser (test/playground/gridKeys.test.ts).
 */

export interface KeyPress {
  key: string;
  shiftKey: boolean;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
}

export type GridCommand =
  /** Move the active cell, or with `extend` grow the selection from it (shift+arrow). */
  | { kind: "move"; rows: number; cols: number; extend: boolean }
  /** Start Enter mode with the character typed, replacing what the cell holds. */
  | { kind: "type"; text: string }
  /** F2: edit the cell in place with what it holds. */
  | { kind: "editInPlace" }
  /** Delete, or Backspace outside an edit: clear the selection's contents. */
  | { kind: "clear" }
  | { kind: "copy" }
  | { kind: "paste" }
  | { kind: "undo" }
  /** Escape: forget the copied range (its dashed outline goes). */
  | { kind: "cancelCopy" }
  /** Alt+Down: open the drop-down of the cell (a table header's sort and filter menu). */
  | { kind: "openDropDown" };

const ARROWS: Record<string, [number, number]> = { ArrowUp: [-1, 0], ArrowDown: [1, 0], ArrowLeft: [0, -1], ArrowRight: [0, 1] };

/** A key pressed while a cell is selected and nothing is being edited. */
export function gridCommand(e: KeyPress): GridCommand | undefined {
  const ctrl = e.ctrlKey || e.metaKey;
  if (ctrl && !e.altKey) {
    switch (e.key.toLowerCase()) {
      case "c":
        return { kind: "copy" };
      case "v":
        return { kind: "paste" };
      case "z":
        return e.shiftKey ? undefined : { kind: "undo" };
      default:
        return undefined;
    }
  }
  if (e.altKey && e.key === "ArrowDown") return { kind: "openDropDown" };
  const arrow = ARROWS[e.key];
  if (arrow) return { kind: "move", rows: arrow[0], cols: arrow[1], extend: e.shiftKey };
  switch (e.key) {
    case "Enter":
      return { kind: "move", rows: e.shiftKey ? -1 : 1, cols: 0, extend: false };
    case "Tab":
      return { kind: "move", rows: 0, cols: e.shiftKey ? -1 : 1, extend: false };
    case "F2":
      return { kind: "editInPlace" };
    case "Delete":
    case "Backspace":
      return { kind: "clear" };
    case "Escape":
      return { kind: "cancelCopy" };
    default:
      // One printable character (not a named key such as "Shift") starts Enter mode.
      return e.key.length === 1 && !e.altKey ? { kind: "type", text: e.key } : undefined;
  }
}

export type EditMode = "enter" | "edit";

export type EditorCommand =
  /** Write what was typed, then move the active cell (0, 0: stay). */
  | { kind: "commit"; rows: number; cols: number }
  | { kind: "cancel" };

/**
 * A key pressed in the in-cell editor. In Enter mode (typing straight into a cell) an arrow
 * commits and moves, as in Excel; in Edit mode (F2) arrows move the caret, so they are left to
 * the input.
 */
export function editorCommand(e: KeyPress, mode: EditMode): EditorCommand | undefined {
  if (e.key === "Enter" && !e.altKey) return { kind: "commit", rows: e.shiftKey ? -1 : 1, cols: 0 };
  if (e.key === "Tab") return { kind: "commit", rows: 0, cols: e.shiftKey ? -1 : 1 };
  if (e.key === "Escape") return { kind: "cancel" };
  const arrow = ARROWS[e.key];
  if (arrow && mode === "enter" && !e.shiftKey) return { kind: "commit", rows: arrow[0], cols: arrow[1] };
  return undefined;
}
