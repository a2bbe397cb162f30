import { alignmentOf, displayText } from "../../playground/cellDisplay";
import { FORMATS } from "../../src/core/shared/layout";

describe("what a cell shows through its number format", () => {
  // Serial 46023 is 1 January 2026 (45658, 1 January 2025, + 365); 46083 is 2 March.
  it.each([
    [1234.5, FORMATS.gbp, "£1,234.50"],
    [1234567, FORMATS.gbpWhole, "£1,234,567"],
    [-1234.5, FORMATS.gbp, "-£1,234.50"],
    [0.125, FORMATS.percent, "12.5%"],
    [1.5, FORMATS.points, "1.50"],
    [1234.25, "#,##0.##", "1,234.25"],
    // Excel keeps the point of "#,##0.##" when there is no decimal to show: why quantities are General.
    [12, "#,##0.##", "12."],
    [12, FORMATS.number, "12"],
    [2.5, FORMATS.number, "2.5"],
    [78000, FORMATS.number, "78000"],
    [46083, FORMATS.date, "02/03/2026"],
    [46083.75, "dd/mm/yyyy hh:mm", "02/03/2026 18:00"],
    [46083, "d mmm yyyy", "2 Mar 2026"],
    [5, '0.0 "pts"', "5.0 pts"],
    [-5, "0;(0)", "(5)"],
    [0, '0;-0;"nil"', "nil"],
    [1000, "[$£-809]#,##0", "£1,000"],
  ])("%p in %p shows %p", (value, format, shown) => {
    expect(displayText(value, format)).toBe(shown);
  });

  it("shows text as it is, whatever the number format", () => {
    expect(displayText("Acme Care Ltd", FORMATS.gbp)).toBe("Acme Care Ltd");
    expect(displayText("00123", FORMATS.text)).toBe("00123");
  });

  it("shows General numbers whole or to six places, and logicals as Excel writes them", () => {
    expect(displayText(12345.6, "General")).toBe("12345.6");
    expect(displayText(0.1 + 0.2, "General")).toBe("0.3");
    expect(displayText(true, "General")).toBe("TRUE");
    expect(displayText(null, FORMATS.gbp)).toBe("");
  });

  it("falls back to General for a format it does not cover", () => {
    expect(displayText(1234.5, "0.00E+00")).toBe("1234.5");
  });
});

describe("how a cell is aligned", () => {
  it("puts numbers right, logicals and errors centre, text left, unless the cell says otherwise", () => {
    expect(alignmentOf(3, "General")).toBe("right");
    expect(alignmentOf(true, "General")).toBe("center");
    expect(alignmentOf("#DIV/0!", "General")).toBe("center");
    expect(alignmentOf("text", "General")).toBeUndefined();
    expect(alignmentOf(3, "Center")).toBe("center");
  });
});
