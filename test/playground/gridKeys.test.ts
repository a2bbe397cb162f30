import { editorCommand, gridCommand, type KeyPress } from "../../playground/gridKeys";

const key = (k: string, mods: Partial<KeyPress> = {}): KeyPress => ({ key: k, shiftKey: false, ctrlKey: false, metaKey: false, altKey: false, ...mods });

describe("keys on a selected cell", () => {
  it("starts Enter mode with the character typed", () => {
    expect(gridCommand(key("7"))).toEqual({ kind: "type", text: "7" });
    expect(gridCommand(key("="))).toEqual({ kind: "type", text: "=" });
  });

  it("moves with arrows, Enter and Tab, and extends the selection with shift+arrow", () => {
    expect(gridCommand(key("ArrowDown"))).toEqual({ kind: "move", rows: 1, cols: 0, extend: false });
    expect(gridCommand(key("ArrowRight", { shiftKey: true }))).toEqual({ kind: "move", rows: 0, cols: 1, extend: true });
    expect(gridCommand(key("Enter"))).toEqual({ kind: "move", rows: 1, cols: 0, extend: false });
    expect(gridCommand(key("Tab", { shiftKey: true }))).toEqual({ kind: "move", rows: 0, cols: -1, extend: false });
  });

  it("edits in place with F2, clears with Delete or Backspace, copies, pastes and undoes with Ctrl", () => {
    expect(gridCommand(key("F2"))).toEqual({ kind: "editInPlace" });
    expect(gridCommand(key("Delete"))).toEqual({ kind: "clear" });
    expect(gridCommand(key("Backspace"))).toEqual({ kind: "clear" });
    expect(gridCommand(key("c", { ctrlKey: true }))).toEqual({ kind: "copy" });
    expect(gridCommand(key("V", { ctrlKey: true, shiftKey: true }))).toEqual({ kind: "paste" });
    expect(gridCommand(key("z", { metaKey: true }))).toEqual({ kind: "undo" });
  });

  it("opens a cell's drop-down (a table header's sort and filter menu) with Alt+Down, not moving", () => {
    expect(gridCommand(key("ArrowDown", { altKey: true }))).toEqual({ kind: "openDropDown" });
    expect(gridCommand(key("ArrowDown"))).toEqual({ kind: "move", rows: 1, cols: 0, extend: false });
  });

  it("ignores a modifier alone and other Ctrl shortcuts", () => {
    expect(gridCommand(key("Shift", { shiftKey: true }))).toBeUndefined();
    expect(gridCommand(key("s", { ctrlKey: true }))).toBeUndefined();
  });
});

describe("keys while a cell is edited", () => {
  it("commits and moves down with Enter, right with Tab; Escape cancels", () => {
    expect(editorCommand(key("Enter"), "enter")).toEqual({ kind: "commit", rows: 1, cols: 0 });
    expect(editorCommand(key("Tab"), "edit")).toEqual({ kind: "commit", rows: 0, cols: 1 });
    expect(editorCommand(key("Escape"), "edit")).toEqual({ kind: "cancel" });
  });

  it("commits and moves with an arrow in Enter mode, and leaves the arrow to the caret in Edit mode (F2)", () => {
    expect(editorCommand(key("ArrowUp"), "enter")).toEqual({ kind: "commit", rows: -1, cols: 0 });
    expect(editorCommand(key("ArrowLeft"), "edit")).toBeUndefined();
  });
});
