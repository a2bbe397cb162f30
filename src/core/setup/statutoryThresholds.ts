/**
 * The statutory procurement thresholds, by the date a procurement began, and the regime that
 * governs it. A procurement keeps the rules and thresholds of the day it began, however long
 * its evaluation runs.
 *
 * Sources of each figure (all amounts include VAT, as the law states them since 1 January 2022):
 * - Regime: the Procurement Act 2023 applies to procurements begun on or after 24 February 2025;
 *   those begun before stay under the Public Contracts Regulations 2015 (DOMAIN.md, "Weighting,
 *   thresholds").
 * - 1 January 2022 to 31 December 2023, PCR 2015: central government goods and services
 *   £138,760, sub-central £213,477, works £5,336,937, light-touch £663,540 (the Public
 *   Procurement (Agreement on Government Procurement) (Thresholds) (Amendment) Regulations 2021,
 *   PPN 10/21; Southend's 2021 policy figures are the sub-central and light-touch ones without
 *   VAT, seed 002).
 * - 1 January 2024 to 31 December 2025: £139,688, £214,904, £5,372,609, £663,540 (the
 *   Thresholds (Amendment) Regulations 2023, PPN 11/23; the Act's Schedule 1 carried the same
 *   figures from 24 February 2025, as amended by SI 2025/163, which SI 2025/1200's explanatory
 *   note names as the earlier update of Schedule 1).
 * - From 1 January 2026, Procurement Act 2023: £135,018, £207,720, £5,193,000, £663,540 (the
 *   Procurement Act 2023 (Threshold Amounts) (Amendment) Regulations 2025, SI 2025/1200;
 *   PPN 023:2026; DOMAIN.md).
 * - Contracts regulated by the Welsh Ministers have their own figures; they are not held here.
 */
import type { Buyer, Category, VatBasis } from "./tenderTerms";

/** The day the Procurement Act 2023 began to apply: procurements begun earlier stay under PCR 2015. */
export const ACT_COMMENCEMENT = "2025-02-24";

/** The UK standard rate of VAT, used to put a value typed without VAT on the thresholds' basis. */
export const STANDARD_VAT_RATE = 0.2;

export type Regime = "pcr-2015" | "procurement-act-2023";

export const REGIME_NAMES: Readonly<Record<Regime, string>> = {
  "pcr-2015": "Public Contracts Regulations 2015",
  "procurement-act-2023": "Procurement Act 2023",
};

interface ThresholdSet {
  /** First day (ISO) a procurement begun on it uses these figures. */
  from: string;
  /** £ including VAT. */
  centralGoodsServices: number;
  subCentralGoodsServices: number;
  works: number;
  lightTouch: number;
  /** The instrument and policy note that set the figures. */
  source: string;
}

/** Oldest first. A date before the first `from` has no figures here. */
const THRESHOLD_SETS: readonly ThresholdSet[] = [
  {
    from: "2022-01-01",
    centralGoodsServices: 138_760,
    subCentralGoodsServices: 213_477,
    works: 5_336_937,
    lightTouch: 663_540,
    source: "Thresholds (Amendment) Regulations 2021; PPN 10/21",
  },
  {
    from: "2024-01-01",
    centralGoodsServices: 139_688,
    subCentralGoodsServices: 214_904,
    works: 5_372_609,
    lightTouch: 663_540,
    source: "Thresholds (Amendment) Regulations 2023; PPN 11/23",
  },
  {
    from: "2026-01-01",
    centralGoodsServices: 135_018,
    subCentralGoodsServices: 207_720,
    works: 5_193_000,
    lightTouch: 663_540,
    source: "SI 2025/1200; PPN 023:2026",
  },
];

export interface StatutoryThreshold {
  regime: Regime;
  /** £ including VAT. */
  amount: number;
  /** What the figure is for, e.g. "a sub-central authority's goods and services". */
  appliesTo: string;
  /** The date the figure applies from (ISO). */
  from: string;
  source: string;
}

/** A valid ISO calendar date (yyyy-mm-dd), as typed or read back from the sheet. */
export function isIsoDate(text: unknown): text is string {
  if (typeof text !== "string" || !/^\d{4}-\d{2}-\d{2}$/.test(text)) return false;
  const d = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === text;
}

export function regimeOn(date: string): Regime {
  return date < ACT_COMMENCEMENT ? "pcr-2015" : "procurement-act-2023";
}

/** The statutory threshold for a procurement begun on `date`, or undefined before 1 January 2022. */
export function statutoryThreshold(date: string, category: Category, buyer: Buyer): StatutoryThreshold | undefined {
  const set = [...THRESHOLD_SETS].reverse().find((s) => date >= s.from);
  if (set === undefined) return undefined;
  const regime = regimeOn(date);
  // The 2024 figures stayed in force when the Act began; the Act's own instrument is named then.
  const source = regime === "procurement-act-2023" && set.from === "2024-01-01" ? "Procurement Act 2023, Schedule 1 as amended (SI 2025/163)" : set.source;
  const from = regime === "procurement-act-2023" && set.from < ACT_COMMENCEMENT ? ACT_COMMENCEMENT : set.from;
  const base = { regime, from, source };
  switch (category) {
    case "works":
      return { ...base, amount: set.works, appliesTo: "works" };
    case "light-touch":
      return { ...base, amount: set.lightTouch, appliesTo: "light-touch services" };
    case "supplies-services":
      return buyer === "central"
        ? { ...base, amount: set.centralGoodsServices, appliesTo: "central government goods and services" }
        : { ...base, amount: set.subCentralGoodsServices, appliesTo: "a sub-central authority's goods and services" };
  }
}

/**
 * The contract value on both VAT bases. Typed without VAT, VAT at the standard rate is added
 * for the statutory thresholds; typed with VAT, it is taken off for the council's own
 * (VAT-exclusive) thresholds; with no VAT charged the two are the same.
 */
export function valueBothWays(value: number, basis: VatBasis): { includingVat: number; excludingVat: number } {
  switch (basis) {
    case "excluding":
      return { excludingVat: value, includingVat: roundPence(value * (1 + STANDARD_VAT_RATE)) };
    case "including":
      return { includingVat: value, excludingVat: roundPence(value / (1 + STANDARD_VAT_RATE)) };
    case "none":
      return { includingVat: value, excludingVat: value };
  }
}

function roundPence(x: number): number {
  return Math.round(x * 100) / 100;
}
