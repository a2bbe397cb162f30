import fc from "fast-check";
import { cellError, describeCell, isBlank, MAX_TEXT_LENGTH, readQuantity, readText } from "../../../src/core/shared/cells";

describe("isBlank", () => {
  it.each([null, undefined, "", "   ", "\u00a0\t", { richText: [] }, { formula: "A1", result: undefined }, { type: "Empty", basicValue: "" }])(
    "treats %p as blank",
    (cell) => {
      expect(isBlank(cell)).toBe(true);
    }
  );

  it.each([0, false, "x", NaN, new Date(0), { error: "#N/A" }, "#N/A", [], {}])("does not treat %p as blank", (cell) => {
    expect(isBlank(cell)).toBe(false);
  });
});

describe("readText", () => {
  it("trims text", () => {
    expect(readText("  Acme Ltd \n")).toBe("Acme Ltd");
  });

  it("reads a number as the text JavaScript prints for it (a ref typed as 1.2)", () => {
    expect(readText(1.2)).toBe("1.2");
  });

  it("joins ExcelJS rich text runs", () => {
    expect(readText({ richText: [{ text: "Acme " }, { text: "Ltd", font: { bold: true } }] })).toBe("Acme Ltd");
  });

  it("reads the text of an ExcelJS hyperlink and the result of a formula", () => {
    expect(readText({ text: "ECC1", hyperlink: "https://example.org" })).toBe("ECC1");
    expect(readText({ formula: 'TRIM(" ECC2 ")', result: "ECC2" })).toBe("ECC2");
  });

  it("reads Office.js valuesAsJson cells", () => {
    expect(readText({ type: "String", basicValue: "ECC3" })).toBe("ECC3");
    expect(readText({ type: "Error", basicValue: "#N/A", errorType: "NotAvailable" })).toBeUndefined();
  });

  it.each([null, undefined, "  ", true, new Date(0), NaN, Infinity, { error: "#REF!" }, "#N/A", [], Symbol("s"), () => 1])(
    "gives no text for %p",
    (cell) => {
      expect(readText(cell)).toBeUndefined();
    }
  );

  it("bounds the length of very long text", () => {
    expect(readText("x".repeat(100_000))).toHaveLength(MAX_TEXT_LENGTH);
  });

  it("survives a proxy whose every trap throws", () => {
    const boom = (): never => {
      throw new Error("boom");
    };
    const revoked = new Proxy({}, { get: boom, has: boom, getPrototypeOf: boom, ownKeys: boom });
    expect(readText(revoked)).toBeUndefined();
    expect(isBlank(revoked)).toBe(false);
    expect(readQuantity(revoked)).toEqual({ kind: "invalid", reason: "other" });
    expect(describeCell(revoked)).toBe("an unreadable value");
  });

  it("survives an object whose getters throw", () => {
    const hostile = {
      get error(): never {
        throw new Error("boom");
      },
    };
    expect(readText(hostile)).toBeUndefined();
    expect(readQuantity(hostile)).toEqual({ kind: "invalid", reason: "other" });
  });
});

describe("cellError", () => {
  it("names the error Office.js reports as a string or ExcelJS as an object", () => {
    expect(cellError("#DIV/0!")).toBe("#DIV/0!");
    expect(cellError({ error: "#N/A" })).toBe("#N/A");
    expect(cellError({ formula: "1/0", result: { error: "#DIV/0!" } })).toBe("#DIV/0!");
  });

  it("finds no error in a hashtag that is not an Excel error", () => {
    expect(cellError("#1 supplier")).toBeUndefined();
  });
});

describe("readQuantity", () => {
  it("reads a number", () => {
    expect(readQuantity(12.5)).toEqual({ kind: "number", value: 12.5, fromText: false });
  });

  it("reads a blank cell as blank", () => {
    expect(readQuantity("")).toEqual({ kind: "blank" });
    expect(readQuantity(null)).toEqual({ kind: "blank" });
    expect(readQuantity(" ")).toEqual({ kind: "blank" });
  });

  it.each([
    ["1,200", 1200],
    ["£1,200.50", 1200.5],
    [" 12 ", 12],
    ["12%", 12],
    ["-5", -5],
    ["-£5", -5],
    ["£-5", -5],
    ["0.5", 0.5],
    [".5", 0.5],
    ["1,234,567", 1234567],
    ["\u00a025\u00a0", 25],
  ])("reads the text %p as the number %p, flagged as typed as text", (text, value) => {
    expect(readQuantity(text)).toEqual({ kind: "number", value, fromText: true });
  });

  it.each(["about 20", "1,2", "12,00", "1.2.3", "£", "12 hours", "1e3", "0x10", "Infinity", "£12%", "--5"])(
    "refuses the text %p",
    (text) => {
      expect(readQuantity(text)).toEqual({ kind: "invalid", reason: "text" });
    }
  );

  it("refuses booleans, dates, errors, NaN and Infinity with the reason", () => {
    expect(readQuantity(true)).toEqual({ kind: "invalid", reason: "boolean" });
    expect(readQuantity(new Date(2024, 0, 1))).toEqual({ kind: "invalid", reason: "date" });
    expect(readQuantity({ error: "#N/A" })).toEqual({ kind: "invalid", reason: "error" });
    expect(readQuantity("#VALUE!")).toEqual({ kind: "invalid", reason: "error" });
    expect(readQuantity(NaN)).toEqual({ kind: "invalid", reason: "not-finite" });
    expect(readQuantity(-Infinity)).toEqual({ kind: "invalid", reason: "not-finite" });
  });

  it("reads the cached result of a formula", () => {
    expect(readQuantity({ formula: "A1*2", result: 24 })).toEqual({ kind: "number", value: 24, fromText: false });
  });

  it("reads -0 as 0", () => {
    const q = readQuantity(-0);
    expect(q.kind === "number" && Object.is(q.value, 0)).toBe(true);
  });

  it("refuses a huge string without reading it as a number", () => {
    expect(readQuantity("9".repeat(1_000_000))).toEqual({ kind: "invalid", reason: "text" });
  });

  it("reads any finite number as itself", () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (n) => {
        const q = readQuantity(n);
        return q.kind === "number" && q.value === n && !q.fromText;
      })
    );
  });

  it("reads whole pounds written with UK thousands separators back to the number", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1e12 }), (n) => {
        const text = "£" + n.toLocaleString("en-GB");
        const q = readQuantity(text);
        return q.kind === "number" && q.value === n && q.fromText;
      })
    );
  });

  it("never throws, whatever the cell holds", () => {
    fc.assert(
      fc.property(fc.anything({ withDate: true, withMap: true, withSet: true, withBigInt: true, withNullPrototype: true }), (cell) => {
        readQuantity(cell);
        readText(cell);
        isBlank(cell);
        cellError(cell);
        return typeof describeCell(cell) === "string";
      })
    );
  });
});

describe("describeCell", () => {
  it("says what a cell holds in words an evaluator reads", () => {
    expect(describeCell("about 20")).toBe("\u201cabout 20\u201d");
    expect(describeCell(true)).toBe("TRUE");
    expect(describeCell(new Date(0))).toBe("a date");
    expect(describeCell({ error: "#N/A" })).toBe("the error #N/A");
    expect(describeCell([1, 2])).toBe("an unreadable value");
  });

  it("shortens long text", () => {
    expect(describeCell("y".repeat(500)).length).toBeLessThan(45);
  });

  it("never writes a number in exponent notation, which reads as a typo", () => {
    expect([12.5, -3, 0].map(describeCell)).toEqual(["12.5", "-3", "0"]);
    expect(describeCell(1e21)).toBe("more than 1,000,000,000,000,000,000,000");
    expect(describeCell(5e-324)).toBe("a figure closer to 0 than 0.000001");
    expect(describeCell(-1e-7)).toBe("a negative figure closer to 0 than -0.000001");
    fc.assert(fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (n) => !/\de[+-]?\d/i.test(describeCell(n))));
  });
});
