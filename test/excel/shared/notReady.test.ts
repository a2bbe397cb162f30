/**
 * Excel on the web shows #BUSY! while a custom function computes, for seconds in a large
 * recalculation (office-js #6841, #2786; the host's busy profile). Scores, the sign-off review,
 * sign-off and Verify read the workbook: a #BUSY! read there must never be taken for a value.
 * Each refuses, names the cell and changes nothing, then works once Excel has finished.
 */
import { SETTING_NAMES, SHEETS, TABLES } from "../../../src/core/shared/layout";
import { readScores } from "../../../src/excel/scores/readScores";
import { NotReadyError } from "../../../src/excel/shared/notReady";
import { allAgreed, allMarked, m } from "../moderation/moderationSupport";
import { namedCell, typeCommitments } from "../support";

const BUSY = { hostOptions: { profile: "busy" as const } };

describe("a read while Excel still calculates", () => {
  it("Scores waits instead of scoring #BUSY! as 0, then scores", async () => {
    const { fake, run } = await allAgreed(BUSY);
    fake.finishCalculation();
    await typeCommitments(run, [["Acme Ltd", "ILL9", "hours", 150]]);
    await expect(readScores(run)).rejects.toThrow(NotReadyError);
    await expect(readScores(run)).rejects.toThrow(/SV Scores cell [A-Z]+\d+ shows #BUSY!.*Wait until no cell shows #BUSY!, then try again/);
    fake.finishCalculation();
    const scores = await readScores(run);
    expect(scores.bidders.map((b) => b.bidder)).toEqual(["Acme Ltd", "Birch Homes"]);
  });

  it("the sign-off review and sign-off refuse, freezing nothing; once calculated, the record holds no #BUSY!", async () => {
    const { fake, actions } = await allAgreed(BUSY);
    expect(fake.inspect.sheetNames()).not.toContain(SHEETS.signOff);
    const formulasBefore = fake.inspect.formulas(`'${SHEETS.scores}'!A3:N6`);
    await expect(actions.reviewSignOff()).rejects.toThrow(/shows #BUSY!/);
    await expect(actions.signOff("Dee Lead")).rejects.toThrow(NotReadyError);
    expect(fake.inspect.sheetNames()).not.toContain(SHEETS.signOff);
    expect(fake.inspect.formulas(`'${SHEETS.scores}'!A3:N6`)).toEqual(formulasBefore);

    fake.finishCalculation();
    expect((await actions.reviewSignOff()).ready).toBe(true);
    await actions.signOff("Dee Lead");
    for (const sheet of fake.inspect.sheetNames()) {
      const used = fake.inspect.sheet(sheet).usedRange;
      if (used) expect(fake.inspect.values(`'${sheet}'!${used}`).flat()).not.toContain("#BUSY!");
    }
  });

  it("Verify says to wait, not Intact or Changed, while a cell it checks is #BUSY!; then names the change", async () => {
    const { fake, run, actions } = await allAgreed(BUSY);
    fake.finishCalculation();
    await actions.signOff("Dee Lead");
    expect((await actions.verify()).status).toBe("intact");
    // Someone unprotects SV Scores and types a TENDER formula over a signed figure.
    const table = fake.inspect.table(TABLES.scores)!;
    const firstRow = Number(/(\d+):/.exec(table.dataBodyAddress)![1]);
    const cell = `${String.fromCharCode(65 + table.headers.indexOf("Return"))}${firstRow}`;
    await run(async (context) => {
      const sheet = context.workbook.worksheets.getItem(SHEETS.scores);
      sheet.protection.unprotect();
      sheet.getRange(cell).formulas = [["=TENDER.SVRETURN(1, 2)"]];
      await context.sync();
    });
    await expect(actions.verify()).rejects.toThrow(new RegExp(`SV Scores cell ${cell} shows #BUSY!`));
    fake.finishCalculation();
    expect((await actions.verify()).status).toBe("changed");
  });

  it("saving marks is not held up by a cell still calculating that marking does not use", async () => {
    const { fake, run, actions } = await allMarked(BUSY);
    // A custom function in a setting marking does not use (a council's own note of a return).
    await run(async (context) => {
      context.workbook.names.getItem(SETTING_NAMES.durationMonths).getRange().formulas = [["=TENDER.SVRETURN(1, 2)"]];
      await context.sync();
    });
    expect(namedCell(fake, SETTING_NAMES.durationMonths).value).toBe("#BUSY!");
    await expect(actions.saveMarks("Ann", [m("Acme Ltd", "Q1", 2, "Revised after reading the appendix")])).resolves.toMatchObject({ saved: 1 });
  });
});
