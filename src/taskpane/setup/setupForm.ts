/**
 * The Set up form as typed, and its reading into `TenderSettings`. Pure: the page's hook
 * calls it on every edit, and tests can read its rules here.
 *
 * How the fields are read (what an evaluator types, not what a programmer would):
 * - Money: "£1,200,000", "1200000" and "1,200,000.50" are all pounds; nothing else is guessed
 *   ("1.2m" is refused rather than read one way or another).
 * - Percentages (weighting, share for commitments): the field is in percent, so "10" and "10%"
 *   are 10% and "0.1" is 0.1%, never 10%. A misreading shows at once, because the live checks
 *   then warn that the weighting is below 10%.
 * - Target return: pence per £1, which is the same number as a percentage (25p per £1 = 25%),
 *   so "25", "25p" and "25%" all mean 0.25; "£0.25" is pounds per £1 and means the same.
 *   A figure under 1p per £1 is kept but flagged, since "0.25" is usually 25p typed as pounds.
 */
import { isIsoDate, STANDARD_SCALES, type Buyer, type Category, type RollUp, type ScoringMethod, type TenderSettings, type tenderSettingsSchema, type VatBasis } from "../../core";

/**
 * The settings schema, handed in: the pane loads it (and zod) from its own chunk after it first
 * shows (useTenderSettingsSchema), so until then it is the reason it is not there yet.
 */
export type SettingsSchema = Pick<typeof tenderSettingsSchema, "safeParse">;
export type SettingsSchemaOrWhyNot = SettingsSchema | { readonly unavailable: string };

export interface SetupDraft {
  contractName: string;
  /** £, on the basis `vatBasis` says. */
  contractValue: string;
  /** "" until the user says: never assumed. */
  vatBasis: VatBasis | "";
  /** yyyy-mm-dd, as a date input gives it; "" until entered. */
  procurementStart: string;
  buyer: Buyer;
  category: Category;
  /** Works only. */
  durationMonths: string;
  /** Percent. */
  weighting: string;
  maxPoints: string;
  /** Percent of the social value points for commitments (£). */
  quantitativeShare: string;
  method: ScoringMethod;
  /** Pence per £1 (= percent); target method only. */
  targetReturn: string;
  /** The id of one of STANDARD_SCALES. */
  scaleId: string;
  passMark: string;
  /** Names separated by commas, semicolons or new lines. */
  evaluators: string;
  rollUp: RollUp;
  moderationThreshold: string;
  requireBothParts: boolean;
  /** Each evaluator sees only their own marks in the pane until moderation opens. */
  blindMarking: boolean;
  /** The tender documents said evaluators' marks would be averaged (average or median roll-up only). */
  tenderSaysAveraged: boolean;
}

export type SetupField = keyof SetupDraft;

/**
 * A new tender's starting values. The weighting starts at the usual 10% minimum (PPN 06/20)
 * with 10 points; half the points for commitments and half for answers is a starting split,
 * not a rule; a spread of 2 marks on the 0–5 scale is a starting moderation threshold the
 * panel should set for itself. Every one is visible and editable before anything is written.
 */
export const INITIAL_DRAFT: SetupDraft = {
  contractName: "",
  contractValue: "",
  vatBasis: "",
  procurementStart: "",
  // Our users are councils: sub-central authorities under the thresholds.
  buyer: "sub-central",
  category: "supplies-services",
  durationMonths: "",
  weighting: "10",
  maxPoints: "10",
  quantitativeShare: "50",
  method: "relative",
  targetReturn: "",
  scaleId: STANDARD_SCALES[0]?.id ?? "0-5",
  passMark: "",
  evaluators: "",
  rollUp: "consensus",
  moderationThreshold: "2",
  requireBothParts: false,
  blindMarking: false,
  tenderSaysAveraged: false,
};

/** Field names as the form labels them, for the error summary. */
export const FIELD_LABELS: Readonly<Record<SetupField, string>> = {
  contractName: "Contract name",
  contractValue: "Contract value",
  vatBasis: "VAT in the contract value",
  procurementStart: "Procurement began",
  buyer: "Buyer",
  category: "Category",
  durationMonths: "Works duration",
  weighting: "Social value weighting",
  maxPoints: "Social value points",
  quantitativeShare: "Share for commitments",
  method: "Scoring method",
  targetReturn: "Target return",
  scaleId: "Qualitative scale",
  passMark: "Pass mark",
  evaluators: "Evaluators",
  rollUp: "Roll-up of marks",
  moderationThreshold: "Moderation threshold",
  requireBothParts: "Both parts required",
  blindMarking: "Blind marking",
  tenderSaysAveraged: "Tender says marks are averaged",
};

/** What the tender covers, chosen outside the settings fields (framework and measure picker). */
export interface SetupScope {
  frameworkId: string;
  measuresInScope: readonly string[];
  outcomesInScope: readonly string[];
}

export interface ReadSetup {
  /** The settings, when every field is valid (tenderSettingsSchema agrees). */
  settings: TenderSettings | undefined;
  /**
   * The settings as far as they can be read, for the live checks while the form is being
   * filled in: an unreadable number is NaN, so a check comparing it stays quiet.
   */
  draftSettings: TenderSettings;
  /** One message per field that must be fixed before inserting. */
  errors: Partial<Record<SetupField, string>>;
  /** Values kept but worth a second look. */
  warnings: Partial<Record<SetupField, string>>;
  /** Problems the schema found outside the fields (the framework or scope), in its words. */
  otherErrors: string[];
}

type NumberRead = { kind: "blank" } | { kind: "number"; value: number } | { kind: "invalid" };

/** A plain non-negative decimal, commas as thousands separators allowed. */
function readPlainNumber(text: string): NumberRead {
  const compact = text.replace(/[\s,]/g, "");
  if (compact === "") return { kind: "blank" };
  if (!/^\d*\.?\d+$|^\d+\.$/.test(compact)) return { kind: "invalid" };
  return { kind: "number", value: Number(compact) };
}

function readMoney(text: string): NumberRead {
  return readPlainNumber(text.trim().replace(/^£/, ""));
}

/** "10", "10%", "10 %" → 0.1. */
function readPercent(text: string): NumberRead {
  const read = readPlainNumber(text.trim().replace(/%$/, ""));
  return read.kind === "number" ? { kind: "number", value: read.value / 100 } : read;
}

/** Pence per £1: "25", "25p", "25%" → 0.25; "£0.25" (pounds per £1) → 0.25. */
export function readTargetReturn(text: string): NumberRead {
  const trimmed = text.trim().toLowerCase();
  if (trimmed.startsWith("£")) return readPlainNumber(trimmed.slice(1));
  const read = readPlainNumber(trimmed.replace(/(p|pence|%)$/, ""));
  return read.kind === "number" ? { kind: "number", value: read.value / 100 } : read;
}

export function readEvaluators(text: string): string[] {
  return text
    .split(/[,;\n]/)
    .map((name) => name.trim())
    .filter((name) => name !== "");
}

export function readSetupDraft(draft: SetupDraft, scope: SetupScope, schema: SettingsSchemaOrWhyNot): ReadSetup {
  const errors: Partial<Record<SetupField, string>> = {};
  const warnings: Partial<Record<SetupField, string>> = {};
  const fail = (field: SetupField, message: string): number => {
    errors[field] ??= message;
    return Number.NaN;
  };

  /** A required number, or NaN with the field's error. */
  const required = (
    field: SetupField,
    read: NumberRead,
    what: { blank: string; invalid: string; check?: (n: number) => string | undefined },
  ): number => {
    if (read.kind === "blank") return fail(field, what.blank);
    if (read.kind === "invalid") return fail(field, what.invalid);
    const problem = what.check?.(read.value);
    return problem === undefined ? read.value : fail(field, problem);
  };
  /** An optional number: undefined when blank. */
  const optional = (
    field: SetupField,
    read: NumberRead,
    invalid: string,
    check?: (n: number) => string | undefined,
  ): number | undefined => {
    if (read.kind === "blank") return undefined;
    if (read.kind === "invalid") return fail(field, invalid);
    const problem = check?.(read.value);
    return problem === undefined ? read.value : fail(field, problem);
  };
  const percentRange = (n: number): string | undefined => (n > 1 ? "Enter a percentage from 0 to 100." : undefined);

  if (draft.contractName.trim() === "") errors.contractName = "Enter the name of the contract.";

  const contractValue = required("contractValue", readMoney(draft.contractValue), {
    blank: "Enter the contract value in pounds.",
    invalid: "Enter the contract value as an amount in pounds, e.g. 1,200,000.",
    check: (n) => (n > 0 ? undefined : "The contract value must be more than £0."),
  });

  if (draft.vatBasis === "") errors.vatBasis = "Say whether the contract value includes VAT: the statutory thresholds include it, council thresholds do not.";
  const procurementStart = draft.procurementStart.trim();
  if (procurementStart === "") errors.procurementStart = "Enter the date the procurement began: it decides the rules and thresholds that apply.";
  else if (!isIsoDate(procurementStart)) errors.procurementStart = "Enter the date the procurement began as day, month and year.";

  const durationMonths =
    draft.category === "works"
      ? optional(
          "durationMonths",
          readPlainNumber(draft.durationMonths),
          "Enter the length of the contract in whole months, e.g. 36.",
          (n) => (Number.isInteger(n) && n > 0 ? undefined : "Enter a whole number of months, 1 or more."),
        )
      : undefined;

  const weighting = required("weighting", readPercent(draft.weighting), {
    blank: "Enter social value's share of the whole award, in %.",
    invalid: "Enter the weighting as a percentage, e.g. 10 for 10%.",
    check: percentRange,
  });

  const maxPoints = required("maxPoints", readPlainNumber(draft.maxPoints), {
    blank: "Enter the points available for social value.",
    invalid: "Enter the points as a number, e.g. 10.",
    check: (n) => (n > 0 ? undefined : "The points available must be more than 0."),
  });

  const quantitativeShare = required("quantitativeShare", readPercent(draft.quantitativeShare), {
    blank: "Enter the share of the points for commitments, in % (the rest is for the answers).",
    invalid: "Enter the share as a percentage, e.g. 50 for 50%.",
    check: percentRange,
  });

  let targetReturn: number | undefined;
  if (draft.method === "target") {
    targetReturn = optional(
      "targetReturn",
      readTargetReturn(draft.targetReturn),
      "Enter the target in pence per £1, e.g. 25 for 25p per £1.",
    );
    // Blank or zero is reported once, by the live checks (SV308), which say what to do.
    if (targetReturn !== undefined && targetReturn > 0 && targetReturn < 0.01) {
      warnings.targetReturn = `That is under 1p per £1. For ${formatPence(targetReturn * 100)}p per £1 it is right; for ${formatPence(targetReturn * 100 * 100)}p per £1 enter ${formatPence(targetReturn * 100 * 100)}.`;
    }
  }

  const scale = STANDARD_SCALES.find((s) => s.id === draft.scaleId);
  if (scale === undefined) errors.scaleId = "Choose a qualitative scale.";

  const passMark = optional(
    "passMark",
    readPlainNumber(draft.passMark),
    "Enter the pass mark as a number on the scale, or leave it blank.",
  );

  const moderationThreshold = required("moderationThreshold", readPlainNumber(draft.moderationThreshold), {
    blank: "Enter the spread of marks that must be discussed, e.g. 2.",
    invalid: "Enter the spread of marks as a number, e.g. 2.",
  });

  const draftSettings: TenderSettings = {
    contractName: draft.contractName.trim(),
    contractValue,
    ...(draft.vatBasis !== "" ? { vatBasis: draft.vatBasis } : {}),
    ...(isIsoDate(procurementStart) ? { procurementStart } : {}),
    buyer: draft.buyer,
    category: draft.category,
    ...(durationMonths !== undefined ? { durationMonths } : {}),
    weighting,
    maxPoints,
    quantitativeShare,
    method: draft.method,
    ...(targetReturn !== undefined ? { targetReturn } : {}),
    scale: scale ?? { id: draft.scaleId, label: draft.scaleId, marks: [] },
    ...(passMark !== undefined ? { passMark } : {}),
    evaluators: readEvaluators(draft.evaluators),
    rollUp: draft.rollUp,
    moderationThreshold,
    frameworkId: scope.frameworkId,
    measuresInScope: [...scope.measuresInScope],
    outcomesInScope: [...scope.outcomesInScope],
    requireBothParts: draft.requireBothParts,
  };

  // The schema is the last word: anything it refuses that the field reading above let through
  // is reported on its field, in the schema's own words.
  const otherErrors: string[] = [];
  if ("unavailable" in schema) {
    otherErrors.push(schema.unavailable);
    return { settings: undefined, draftSettings, errors, warnings, otherErrors };
  }
  const checked = schema.safeParse(draftSettings);
  if (!checked.success) {
    for (const issue of checked.error.issues) {
      const field = fieldOf(issue.path[0]);
      if (field !== undefined) errors[field] ??= sentence(issue.message);
      else otherErrors.push(`${issue.path.join(".") || "Settings"}: ${sentence(issue.message)}`);
    }
  }
  const valid = checked.success && Object.keys(errors).length === 0;
  return { settings: valid ? checked.data : undefined, draftSettings, errors, warnings, otherErrors };
}

function fieldOf(key: PropertyKey | undefined): SetupField | undefined {
  if (key === "scale") return "scaleId";
  return typeof key === "string" && key in FIELD_LABELS ? (key as SetupField) : undefined;
}

function sentence(message: string): string {
  const text = message.trim();
  return text.charAt(0).toUpperCase() + text.slice(1) + (/[.!?]$/.test(text) ? "" : ".");
}

function formatPence(pence: number): string {
  return String(Number(pence.toPrecision(6)));
}
