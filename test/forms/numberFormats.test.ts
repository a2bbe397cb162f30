/**
 * Number formats as Excel applies them to what the bidder sees: which change the figure shown
 * (a genuine %, scaling commas, an empty or text-only section) and which only add text beside it.
 */
import { formatEffect } from "../../src/forms/numberFormats";

describe("what a number format does to the figure shown", () => {
  it.each([
    ["0%", 0.4, { percent: 1, literalPercent: false }],
    ["0.0%", 0.075, { percent: 1 }],
    ['0"%"', 40, { percent: 0, literalPercent: true }],
    ["0\\%", 40, { percent: 0, literalPercent: true }],
    ['[Red]0"%";-0"%"', -40, { percent: 0, literalPercent: true }],
    ['0%;"minus "0%', -0.4, { percent: 1, literalPercent: false }],
    ["General", 40, { percent: 0, hidden: false }],
    ['General" %"', 40, { percent: 0, literalPercent: true, hidden: false }],
    ["@", 40, { hidden: false, thousands: 0 }],
    ["#,##0", 40_000, { thousands: 0 }],
    ["#,##0,", 40_000, { thousands: 1 }],
    ['#,##0,,"m"', 4_000_000, { thousands: 2 }],
    ["0.0,", 4_000, { thousands: 1 }],
    [";;;", 40, { hidden: true }],
    ["0;-0;;@", 0, { hidden: true }],
    ["0;-0;;@", 5, { hidden: false }],
    ['"see notes"', 40, { hidden: true }],
    ['0"000"', 40, { literalDigits: true }],
    ["0 FTE", 12, { literalDigits: false, hidden: false }],
    ['[$£-809]#,##0.00', 12, { percent: 0, thousands: 0, hidden: false }],
  ])("%s applied to %p", (code, value, expected) => {
    expect(formatEffect(code, value)).toMatchObject(expected);
  });

  it("has no effect without a format", () => {
    expect(formatEffect(undefined, 4)).toEqual({ percent: 0, literalPercent: false, thousands: 0, hidden: false, literalDigits: false });
  });
});
