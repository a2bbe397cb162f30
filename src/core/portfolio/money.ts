/**
 * Money in the portfolio: every £ figure is held and added in integer pence, so totals over
 * hundreds of contracts carry no floating-point drift (0.1 + 0.2 in pounds is not 0.3 in a double).
 *
 * Rounding, stated once: a figure read from a workbook in pounds (a contract value, a
 * commitment's Value £, itself quantity × proxy) becomes pence by rounding to the nearest penny,
 * halves away from zero, once, when it is read. A share of it (DeliveredValue = Delivered ×
 * CommittedValue ÷ Committed) is rounded to the nearest penny the same way, once per row. Sums
 * are then exact. Pounds are written back as pence ÷ 100.
 */

/** Pounds as integer pence, halves away from zero. A non-finite figure is 0. */
export function penceOf(pounds: number): number {
  if (!Number.isFinite(pounds)) return 0;
  // Via a decimal string of the pounds to 6 places, so 1.005 (held as 1.00499999…) is 101, as it reads.
  const scaled = Number((Math.abs(pounds) * 100).toFixed(6));
  const pence = Math.floor(scaled + 0.5);
  return pounds < 0 ? -pence : pence;
}

/** Pence as pounds for writing: 12345 → 123.45. */
export function poundsOf(pence: number): number {
  return pence / 100;
}

/** `pence × numerator ÷ denominator`, rounded to the nearest penny once (halves away from zero); 0 when the denominator is 0. */
export function shareOfPence(pence: number, numerator: number, denominator: number): number {
  if (denominator === 0 || !Number.isFinite(numerator) || !Number.isFinite(denominator)) return 0;
  return penceOf((pence * numerator) / denominator / 100);
}
