import { registerCommands, showEvaluationPane } from "../../src/commands/commands";

describe("ribbon commands", () => {
  it("the Evaluation button shows the task pane and tells Office the command finished", async () => {
    const calls: string[] = [];
    await showEvaluationPane(
      { showAsTaskpane: async () => void calls.push("show") },
      { completed: () => void calls.push("completed") }
    );
    expect(calls).toEqual(["show", "completed"]);
  });

  it("tells Office the command finished even when the pane cannot be shown", async () => {
    let completed = false;
    await expect(
      showEvaluationPane({ showAsTaskpane: () => Promise.reject(new Error("not supported")) }, { completed: () => (completed = true) })
    ).rejects.toThrow("not supported");
    expect(completed).toBe(true);
  });

  it("registers showEvaluationPane, the function the manifest's button names", () => {
    const associated: string[] = [];
    const office = { actions: { associate: (id: string) => associated.push(id) }, addin: {} } as unknown as typeof Office;
    registerCommands(office);
    expect(associated).toEqual(["showEvaluationPane"]);
  });

  it("does nothing outside Office", () => {
    expect(() => registerCommands(undefined)).not.toThrow();
  });
});
