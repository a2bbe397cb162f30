/**
 * Text that looks like other text (issue #17 point 3), built in code rather than pasted, so a
 * reader of a test sees what each character is.
 */

/** ASCII letters, digits and signs as an East Asian keyboard types them (U+FF01–FF5E). */
export function fullwidth(text: string): string {
  return text.replace(/[!-~]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));
}

/** Letters in Unicode's mathematical bold (U+1D400…), as some word processors and social media tools paste them. */
export function mathematicalBold(text: string): string {
  return text.replace(/[A-Za-z]/g, (c) => String.fromCodePoint((c <= "Z" ? 0x1d400 - 65 : 0x1d41a - 97) + c.charCodeAt(0)));
}
