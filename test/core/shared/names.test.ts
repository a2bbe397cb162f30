import fc from "fast-check";
import { cleanText, hasInvisibleCharacters, nameKey, plainText } from "../../../src/core/shared/names";
import { bidderKey, refKey } from "../../../src/core/shared/refs";
import { fullwidth } from "../../support/lookAlikes";

/** Characters that show nothing, as pasted names and refs carry them. */
const INVISIBLES = {
  "zero-width space": "\u200b",
  "zero-width non-joiner": "\u200c",
  "zero-width joiner": "\u200d",
  "byte order mark": "\ufeff",
  "soft hyphen": "\u00ad",
  "word joiner": "\u2060",
  "left-to-right mark": "\u200e",
  "right-to-left mark": "\u200f",
  "right-to-left override": "\u202e",
  "pop directional formatting": "\u202c",
  "Arabic letter mark": "\u061c",
  "variation selector": "\ufe0f",
  "Hangul filler": "\u3164",
  "null character": "\u0000",
};
/** Characters that show as a gap. */
const SPACES = {
  "no-break space": "\u00a0",
  "thin space": "\u2009",
  "hair space": "\u200a",
  "narrow no-break space": "\u202f",
  "em space": "\u2003",
  "ideographic space": "\u3000",
  "tab": "\t",
  "line break": "\n",
  "Braille blank": "\u2800",
};

describe("nameKey: one bidder, one name", () => {
  it.each(Object.entries(INVISIBLES))("is blind to an invisible character (%s) inside, before and after a name", (_, ch) => {
    expect(nameKey(`${ch}Ac${ch}me Care${ch}`)).toBe(nameKey("Acme Care"));
  });

  it.each(Object.entries(SPACES))("reads a spacing character (%s) as a space", (_, ch) => {
    expect(nameKey(`Acme${ch}Care`)).toBe(nameKey("Acme Care"));
  });

  it("reads several spaces as one, and none at the ends", () => {
    expect(nameKey("  Acme \u00a0  Care\u3000")).toBe(nameKey("Acme Care"));
  });

  it("folds compatibility forms: fullwidth letters and digits, ligatures", () => {
    expect(nameKey(fullwidth("Acme Care"))).toBe(nameKey("Acme Care"));
    expect(nameKey("Pro\ufb01t Builders")).toBe(nameKey("Profit Builders"));
    expect(refKey(fullwidth("ECC1"))).toBe(refKey("ECC1"));
  });

  it("ignores case, including letters whose capitals differ (ß, final sigma)", () => {
    expect(nameKey("ACME care")).toBe(nameKey("Acme Care"));
    expect(nameKey("STRAẞE Bau")).toBe(nameKey("Straße Bau"));
    expect(nameKey("ΟΔΟΣ Ltd")).toBe(nameKey("οδος Ltd"));
  });

  it("treats a composed and a decomposed accent as the same letter", () => {
    expect(nameKey("Cafe\u0301 Nero")).toBe(nameKey("Caf\u00e9 Nero"));
    expect(nameKey("Cafe\u200b\u0301 Nero")).toBe(nameKey("Caf\u00e9 Nero"));
  });

  it("makes a name that shows nothing no name at all", () => {
    for (const blank of ["", "   ", "\u200b", "\u00a0\ufeff\u200d", "\u2800\u2800", "\u3164", "\u00ad\u2060\t"]) expect(nameKey(blank)).toBe("");
  });

  it("makes accents with no letter, and format marks that show nothing, no name (issue #17)", () => {
    for (const blank of ["\u0301\u0308", " \u0301 ", "\u{13430}\u{13431}", "\ufff9\ufffa\ufffb"]) expect(nameKey(blank)).toBe("");
    expect(nameKey("Cafe\u0301")).toBe(nameKey("Caf\u00e9"));
  });

  it("keeps names apart that a reader can tell apart", () => {
    expect(nameKey("Acme Care")).not.toBe(nameKey("AcmeCare"));
    expect(nameKey("Acme Care")).not.toBe(nameKey("Acme Cars"));
    expect(refKey("ECC1")).not.toBe(refKey("ECC11"));
    expect(refKey("ECC 1")).not.toBe(refKey("ECC1"));
  });

  it("is the key of bidders and refs alike", () => {
    const name = `\u200b${fullwidth("Acme")}\u00a0Care `;
    expect(bidderKey(name)).toBe(nameKey(name));
    expect(refKey(name)).toBe(nameKey(name));
  });

  // Property: a name spelled with any of the look-alikes above compares as the name itself,
  // and two names that differ in a visible letter never compare equal.
  const word = fc.stringMatching(/^[A-Za-z0-9&.'()-]{1,8}$/);
  const name = fc.array(word, { minLength: 1, maxLength: 4 }).map((ws) => ws.join(" "));
  const noise = fc.constantFrom(...Object.values(INVISIBLES));
  const gap = fc.constantFrom(" ", "  ", ...Object.values(SPACES));

  /** The name as a hostile or careless form might spell it. */
  const disguised = (plain: string): fc.Arbitrary<string> =>
    fc
      .record({
        noises: fc.array(fc.tuple(fc.nat(), noise), { maxLength: 6 }),
        gaps: fc.array(gap, { minLength: 8, maxLength: 8 }),
        wide: fc.boolean(),
        upper: fc.boolean(),
        edges: fc.tuple(gap, gap),
      })
      .map(({ noises, gaps, wide, upper, edges }) => {
        let text = plain.split(" ").reduce((out, w, i) => (i === 0 ? w : `${out}${gaps[i % gaps.length]}${w}`), "");
        if (upper) text = text.toUpperCase();
        if (wide) text = fullwidth(text);
        for (const [at, ch] of noises) {
          const i = at % (text.length + 1);
          text = text.slice(0, i) + ch + text.slice(i);
        }
        return `${edges[0]}${text}${edges[1]}`;
      });

  it("gives any disguise of a name the name's own key", () => {
    fc.assert(fc.property(name.chain((plain) => fc.tuple(fc.constant(plain), disguised(plain))), ([plain, shown]) => nameKey(shown) === nameKey(plain)));
  });

  it("never merges two names whose letters differ", () => {
    fc.assert(
      fc.property(name, name, (a, b) => {
        fc.pre(a.toUpperCase() !== b.toUpperCase());
        return nameKey(a) !== nameKey(b);
      })
    );
  });
});

describe("cleanText and plainText: what is stored and shown", () => {
  it("shows a name as written, less what shows nothing, with plain single spaces", () => {
    expect(cleanText("\ufeff Acme\u200b\u00a0\u00a0Care\u2009Ltd \u200e")).toBe("Acme Care Ltd");
  });

  it("keeps a bidder's fullwidth letters and case in the name shown", () => {
    expect(cleanText(fullwidth("Acme"))).toBe(fullwidth("Acme"));
  });

  it("stores a ref with compatibility forms folded", () => {
    expect(plainText(` ${fullwidth("ecc1")}\u200b`)).toBe("ecc1");
    expect(plainText("\ufb01ve")).toBe("five");
  });

  it("leaves plain text untouched", () => {
    expect(cleanText("Acme Care Ltd.")).toBe("Acme Care Ltd.");
    expect(plainText("ECC1")).toBe("ECC1");
  });

  it("says when a name held invisible characters, and not for spaces alone", () => {
    expect(hasInvisibleCharacters("Acme\u200bCare")).toBe(true);
    expect(hasInvisibleCharacters("Acme\u00a0 Care ")).toBe(false);
    expect(hasInvisibleCharacters("Acme Care")).toBe(false);
  });
});
