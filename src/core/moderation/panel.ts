/**
 * The panel's settings as SV Setup holds them (evaluators, scale, roll-up, moderation threshold,
 * blind marking, whether moderation is open), and the roll-up fixed when marking started
 * (issue #8: "the roll-up rule is a tender setting fixed before marking starts"; DOMAIN.md: the
 * panel decides before scoring and sticks to it).
 */
import { ROLL_UP_FIXED_NAMES, SETTING_NAMES, SHEETS, type SettingKey } from "../shared/layout";
import { readQuantity, readText } from "../shared/cells";
import { refuse } from "../shared/decision";
import { ROLL_UPS, STANDARD_SCALES, type RollUp, type Scale } from "../setup/tenderTerms";
import { uniqueNames, type ModerationSnapshot } from "./snapshot";

export interface PanelSettings {
  evaluators: string[];
  scale: Scale;
  rollUp: RollUp;
  moderationThreshold: number;
  blindMarking: boolean;
  moderationOpen: boolean;
  /** SV_TenderSaysAveraged: the tender documents said marks would be averaged (see layout.ts). */
  tenderSaysAveraged: boolean;
}

/**
 * SV_RollUp no longer says what it said when marking started. fixedAt: when marking started
 * (ISO), when the workbook recorded it.
 */
export interface RollUpChange {
  fixed: RollUp;
  now: RollUp;
  fixedAt?: string;
}

function yes(value: unknown): boolean {
  if (value === true) return true;
  const t = (readText(value) ?? "").toLowerCase();
  return t === "yes" || t === "y" || t === "true";
}

/** The scale typed on SV Setup ("0, 1, 2, 3, 4, 5"), or undefined when it cannot be read. */
export function parseScale(value: unknown): Scale | undefined {
  const text = typeof value === "number" ? String(value) : readText(value);
  if (text === undefined) return undefined;
  const marks: number[] = [];
  for (const part of text.split(/[,;/\s]+/)) {
    if (part === "") continue;
    const q = readQuantity(part);
    if (q.kind !== "number" || q.value < 0) return undefined;
    if (!marks.includes(q.value)) marks.push(q.value);
  }
  if (marks.length < 2) return undefined;
  marks.sort((a, b) => a - b);
  const standard = STANDARD_SCALES.find((s) => s.marks.length === marks.length && s.marks.every((m, i) => m === marks[i]));
  return standard ?? { id: "sheet", label: `${marks[0]}–${marks[marks.length - 1]}`, marks };
}

/** A roll-up as SV_RollUp or SV_RollUpFixed may spell it; undefined when it is none of them. */
export function parseRollUp(value: unknown): RollUp | undefined {
  const text = (readText(value) ?? "").toLowerCase();
  return (ROLL_UPS as readonly string[]).includes(text) ? (text as RollUp) : undefined;
}

/** The panel's settings; refuses when the scale cannot be read (nothing can be marked). */
export function panelSettings(wb: ModerationSnapshot): PanelSettings {
  const value = (key: SettingKey): unknown => wb.settings[key]?.value;
  const scale = parseScale(value("scale"));
  if (scale === undefined) {
    refuse(`The qualitative scale on SV Setup (${SETTING_NAMES.scale}) cannot be read. Write the marks evaluators may give, separated by commas, e.g. 0, 1, 2, 3, 4, 5.`);
  }
  const evaluators = uniqueNames((readText(value("evaluators")) ?? "").split(/[,;\n]/));
  const rollUp = parseRollUp(value("rollUp")) ?? "consensus";
  const threshold = readQuantity(value("moderationThreshold"));
  return {
    evaluators,
    scale,
    rollUp,
    moderationThreshold: threshold.kind === "number" && threshold.value >= 0 ? threshold.value : 1,
    blindMarking: yes(value("blindMarking")),
    moderationOpen: yes(value("moderationOpen")),
    tenderSaysAveraged: yes(value("tenderSaysAveraged")),
  };
}

/** The text a name's formula holds: ="average" gives average; any other formula, its value. */
export function nameText(formula: unknown, value: unknown): string {
  const f = typeof formula === "string" ? formula.trim() : "";
  const constant = /^="((?:[^"]|"")*)"$/.exec(f);
  if (constant) return (constant[1] ?? "").replace(/""/g, '"');
  return readText(value) ?? "";
}

/** Marking has started and its roll-up is recorded (the add-in never writes the names again). */
export function rollUpIsFixed(wb: ModerationSnapshot): boolean {
  return wb.rollUpFixed.rollUp !== undefined;
}

/** SV_RollUp differs from the roll-up recorded when marking started, if it does. */
export function rollUpChange(wb: ModerationSnapshot, now: RollUp): RollUpChange | undefined {
  const fixed = parseRollUp(wb.rollUpFixed.rollUp);
  if (fixed === undefined || fixed === now) return undefined;
  const at = (wb.rollUpFixed.at ?? "").trim();
  return { fixed, now, ...(at !== "" ? { fixedAt: at } : {}) };
}

/** A date an evaluator reads ("22 November 2026"), or the text as it is when it is not a time. */
export function dayOf(iso: string): string {
  const time = new Date(iso);
  if (Number.isNaN(time.getTime())) return iso;
  return time.toLocaleDateString("en-GB", { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" });
}

/** The warning the pane and the final review give, in an evaluator's words. */
export function rollUpChangeMessage(change: RollUpChange): string {
  const when = change.fixedAt !== undefined ? ` on ${dayOf(change.fixedAt)}` : "";
  return (
    `The roll-up was changed from ${change.fixed} to ${change.now} after marking started${when}. ` +
    `The panel fixes the roll-up before marking, and the marks were given under ${change.fixed}: set ${SETTING_NAMES.rollUp} on ${SHEETS.setup} back to ${change.fixed}. ` +
    `The record cannot be signed off until it is.`
  );
}

/**
 * The two names recording the roll-up in force now, for a write plan (only when rollUpIsFixed
 * is false). Names rather than cells: they belong to the workbook, not to a sheet a co-author
 * may sort, clear or delete, and anyone can read them in Formulas > Name Manager. Each holds a
 * text constant (="average"), so no formula depends on it and it never recalculates.
 */
export function fixRollUpNames(wb: ModerationSnapshot, rollUp: RollUp, at: string): { name: string; formula: string; comment: string }[] {
  const names: { name: string; formula: string; comment: string }[] = [
    {
      name: ROLL_UP_FIXED_NAMES.rollUp,
      formula: `="${rollUp}"`,
      comment: `The roll-up (${SETTING_NAMES.rollUp}) in force when marking started. Written once by the Social Value add-in; sign-off checks ${SETTING_NAMES.rollUp} still matches.`,
    },
  ];
  if (wb.rollUpFixed.at === undefined) names.push({ name: ROLL_UP_FIXED_NAMES.at, formula: `="${at}"`, comment: "When marking started (UTC), written by the Social Value add-in." });
  return names;
}
