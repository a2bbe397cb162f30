/**
 * Careful readers for data that has not passed the schema yet. The whole-file checks run
 * on the raw input even when the schema fails, so that one pass reports every problem;
 * these readers never throw and treat anything of the wrong shape as absent.
 */
import type { PathKey } from "./frameworkProblem";

export type LooseRecord = Readonly<Record<string, unknown>>;

export function asRecord(value: unknown): LooseRecord | undefined {
  return typeof value === "object" && value !== null && !Array.isArray(value) ? (value as LooseRecord) : undefined;
}

export function asList(value: unknown): readonly unknown[] {
  return Array.isArray(value) ? value : [];
}

/** Trimmed text, or undefined for anything that is not a non-blank string. */
export function asText(value: unknown): string | undefined {
  if (typeof value !== "string") return undefined;
  const trimmed = value.trim();
  return trimmed === "" ? undefined : trimmed;
}

/** Own property only, so keys such as "constructor" or "__proto__" read as absent. */
export function field(record: LooseRecord | undefined, key: string): unknown {
  return record !== undefined && Object.prototype.hasOwnProperty.call(record, key) ? record[key] : undefined;
}

/** The raw value at a schema issue's path, or undefined when the path leads nowhere. */
export function valueAt(data: unknown, path: readonly PropertyKey[]): unknown {
  let current: unknown = data;
  for (const key of path) {
    if (Array.isArray(current) && typeof key === "number") current = current[key];
    else if (typeof key === "string") current = field(asRecord(current), key);
    else return undefined;
  }
  return current;
}

export function isPathKey(key: PropertyKey): key is PathKey {
  return typeof key === "string" || typeof key === "number";
}
