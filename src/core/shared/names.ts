/**
 * How names and refs typed by people compare (issue #17 point 3). A bidder's name or a measure
 * ref arrives from forms, pasted web pages, PDFs and phones, carrying characters that look the
 * same as, or like nothing next to, the ones the evaluator types: a no-break or thin space,
 * a zero-width space or joiner, a byte order mark, a soft hyphen, a direction mark, fullwidth
 * letters from an East Asian keyboard, the "ﬁ" ligature of a PDF. Two spellings a reader cannot
 * tell apart are one bidder, one measure.
 *
 * Three forms, from the most faithful to the key:
 * - cleanText: what is shown and stored for a bidder's name: invisible characters removed, every
 *   kind of space a plain space, runs of spaces one, no spaces at the ends. Letters stay as the
 *   bidder wrote them (a fullwidth "Ａｃｍｅ" stays fullwidth; it is their name).
 * - plainText: cleanText with Unicode compatibility forms folded (NFKC: fullwidth "ＥＣＣ１" is
 *   "ECC1", "ﬁ" is "fi"): what is stored for a ref, a code in which such forms never mean anything.
 * - nameKey: plainText in capitals, for comparing only; never shown.
 */

/**
 * Characters that show nothing: Unicode's Default_Ignorable_Code_Point (zero-width space, non-
 * joiner and joiner, word joiner, byte order mark, soft hyphen, direction marks and embeddings,
 * variation selectors, Hangul fillers, tags) and the control characters (Cc) left once the ones
 * that are spacing (tab, line breaks) have become spaces.
 */
const INVISIBLE = /[\p{Default_Ignorable_Code_Point}\p{Cc}]/gu;

/**
 * Characters that show as a gap: Unicode's White_Space (tab, line breaks, no-break, en, em,
 * thin, hair, narrow no-break, ideographic spaces…), and the Braille blank U+2800, which looks
 * like a space but is not one and is a known way to make a name that looks empty.
 */
const SPACING = /[\p{White_Space}\u2800]+/gu;

/** Printable ASCII with single inner spaces and none at the ends: nothing to clean or fold. */
const PLAIN_ASCII = /^(?:[!-~]+(?: [!-~]+)*)?$/;

/**
 * Text that shows nothing a reader could take for a name once cleaned: only combining marks
 * (accents with no letter to sit on), format characters Unicode does not class as ignorable
 * (Egyptian hieroglyph format controls, interlinear annotation marks) and spaces. Such a name
 * is no name, as a blank one is (issue #17 point 3); a mark on a letter ("Café" typed with a
 * combining accent) is kept, as it shows.
 */
const SHOWS_NOTHING = /^[\p{M}\p{Cf}\p{Z}]*$/u;

/** The text as shown: invisible characters removed, spaces plain and single, none at the ends. */
export function cleanText(text: string): string {
  if (PLAIN_ASCII.test(text)) return text;
  const cleaned = text.replace(SPACING, " ").replace(INVISIBLE, "").replace(/ {2,}/g, " ").trim();
  return SHOWS_NOTHING.test(cleaned) ? "" : cleaned;
}

/**
 * cleanText with compatibility forms folded (NFKC). Cleaned on both sides of the fold: a
 * character removed can stand between a letter and its accent, and folding can give spaces
 * ("⑴" is "(1)", a spacing accent is a space and the accent).
 */
export function plainText(text: string): string {
  if (PLAIN_ASCII.test(text)) return text;
  return cleanText(cleanText(text).normalize("NFKC"));
}

/**
 * The key two names or refs compare by: plainText in capitals. Blank ("") for text that shows
 * nothing, which callers treat as no name. Case is folded through the small letters first, so
 * "STRAẞE" and "Straße" meet at "STRASSE" and a final sigma is a sigma; normalised again after,
 * because the capitals of some composed letters come apart (ΐ is Ϊ́).
 */
export function nameKey(text: string): string {
  // The common case, a plain ASCII name or ref, costs one test: the validator keys 100,000 rows.
  if (PLAIN_ASCII.test(text)) return text.toUpperCase();
  return plainText(text).toLowerCase().toUpperCase().normalize("NFKC");
}

/** Whether the text holds characters that show nothing (which cleanText removes), for a note that it did. */
export function hasInvisibleCharacters(text: string): boolean {
  return !PLAIN_ASCII.test(text) && /[\p{Default_Ignorable_Code_Point}\p{Cc}]/u.test(text.replace(SPACING, " "));
}

/**
 * Text as the workbook's own formulas compare it (core/workbook/tableFormulas.ts textKey:
 * TRIM(CLEAN(SUBSTITUTE(text, no-break space, " "))), and Excel's = ignores case): control
 * characters 0–31 removed, no-break spaces made spaces, runs of spaces one, none at the ends.
 * Excel has no function for the rest of nameKey's rule within a formula short enough to send per
 * row, so text that nameKey matches and this does not is told to the user (SV126, SV127).
 */
export function sheetKey(text: string): string {
  if (PLAIN_ASCII.test(text)) return text.toUpperCase();
  // eslint-disable-next-line no-control-regex -- CLEAN removes exactly these characters.
  return text.replace(/\u00a0/g, " ").replace(/[\u0000-\u001f]/g, "").replace(/ {2,}/g, " ").replace(/^ +| +$/g, "").toUpperCase();
}
