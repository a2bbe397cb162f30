/**
 * Units of measure used by social value frameworks, and the spellings evaluators and
 * bidders actually type for them. Essex's reporting forms print units such as
 * "no. people FTE" and "no. hrs × no. attendees" (DOMAIN.md); bidders write "hrs", "FTE",
 * "GBP" — all must be recognised as the same unit, and nothing else may be.
 */

export const UNIT_KEYS = [
  "FTE",
  "people",
  "count",
  "weeks",
  "hours",
  "attendee-hours",
  "GBP",
  "tCO2e",
  "tonnes",
  "kg",
  "percent",
] as const;

export type UnitKey = (typeof UNIT_KEYS)[number];

export interface UnitInfo {
  key: UnitKey;
  /** How the unit is shown in the workbook and the pane. */
  label: string;
  /** Whole numbers only: people and items are counted, not measured (an FTE may be 0.5). */
  integer: boolean;
  /** A percentage cannot exceed 100. */
  percentage: boolean;
  /** Money: a £ commitment cannot exceed the contract value. */
  money: boolean;
}

export const UNITS: Readonly<Record<UnitKey, UnitInfo>> = {
  FTE: { key: "FTE", label: "FTE", integer: false, percentage: false, money: false },
  people: { key: "people", label: "people", integer: true, percentage: false, money: false },
  count: { key: "count", label: "no.", integer: true, percentage: false, money: false },
  weeks: { key: "weeks", label: "weeks", integer: false, percentage: false, money: false },
  hours: { key: "hours", label: "hours", integer: false, percentage: false, money: false },
  "attendee-hours": { key: "attendee-hours", label: "hours × attendees", integer: false, percentage: false, money: false },
  GBP: { key: "GBP", label: "£", integer: false, percentage: false, money: true },
  tCO2e: { key: "tCO2e", label: "tCO2e", integer: false, percentage: false, money: false },
  tonnes: { key: "tonnes", label: "tonnes", integer: false, percentage: false, money: false },
  kg: { key: "kg", label: "kg", integer: false, percentage: false, money: false },
  percent: { key: "percent", label: "%", integer: false, percentage: true, money: false },
};

/** Spellings accepted for each unit, compared after {@link normaliseUnitText}. */
const ALIASES: Readonly<Record<UnitKey, readonly string[]>> = {
  FTE: ["fte", "ftes", "no. people fte", "no people fte", "people fte", "full time equivalent", "full-time equivalent"],
  people: ["people", "person", "persons", "no. people", "no people", "no. of people", "headcount"],
  count: ["no.", "no", "number", "count", "items", "no. items", "each"],
  weeks: ["weeks", "week", "wks", "wk", "no. weeks", "no weeks", "no. of weeks"],
  hours: ["hours", "hour", "hrs", "hr", "h", "no. hrs", "no. hours", "staff hours", "expert hours", "no. staff expert hours", "staff expert hours", "volunteering hours"],
  "attendee-hours": ["hours × attendees", "hours x attendees", "hrs x attendees", "hrs × attendees", "no. hrs × no. attendees", "no. hrs x no. attendees", "attendee hours", "attendee-hours", "person hours", "person-hours"],
  GBP: ["£", "gbp", "pounds", "pound", "£ equivalent", "£ invested", "£ spend", "£s", "uk£"],
  tCO2e: ["tco2e", "t co2e", "tonnes co2e", "tonnes of co2e", "tco2", "tonnes co2", "t co2"],
  tonnes: ["tonnes", "tonne", "t", "tons", "ton"],
  kg: ["kg", "kgs", "kilograms", "kilogram", "kilo", "kilos"],
  percent: ["%", "percent", "per cent", "percentage", "% of contracts", "% of spend", "% of staff"],
};

/** Lower-case, trimmed, inner whitespace collapsed, `*` read as `×`. */
export function normaliseUnitText(text: string): string {
  return text.trim().toLowerCase().replace(/\s+/g, " ").replace(/\s*[*]\s*/g, " × ");
}

const LOOKUP: ReadonlyMap<string, UnitKey> = (() => {
  const map = new Map<string, UnitKey>();
  for (const key of UNIT_KEYS) {
    map.set(normaliseUnitText(key), key);
    map.set(normaliseUnitText(UNITS[key].label), key);
    for (const alias of ALIASES[key]) map.set(normaliseUnitText(alias), key);
  }
  return map;
})();

/** The unit a piece of text names, or undefined when it names none we know. */
export function parseUnit(text: string): UnitKey | undefined {
  return LOOKUP.get(normaliseUnitText(text));
}
