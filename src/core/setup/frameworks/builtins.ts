/**
 * The frameworks that ship with the add-in. Order is the order a picker shows them:
 * the national model first (the current version, PPN 002, before the earlier PPN 06/20), then
 * councils alphabetically, then the illustrative set last so nobody picks it by accident.
 */
import { COLCHESTER } from "./colchester";
import { ESSEX } from "./essex";
import { ILLUSTRATIVE } from "./illustrative";
import { PPN002 } from "./ppn002";
import type { Framework } from "./schema";
import { SOCIAL_VALUE_MODEL } from "./socialValueModel";
import { SOUTHEND } from "./southend";
import { THURROCK } from "./thurrock";

export const BUILT_IN_FRAMEWORKS: readonly Framework[] = [PPN002, SOCIAL_VALUE_MODEL, COLCHESTER, ESSEX, SOUTHEND, THURROCK, ILLUSTRATIVE];

/**
 * The built-in framework with this id or name (trimmed, case-insensitive: it is read back from
 * the SV_Framework cell, which shows the name and where a user may have retyped it), or undefined.
 */
export function getBuiltInFramework(idOrName: string): Framework | undefined {
  const wanted = idOrName.trim().toLowerCase();
  if (wanted === "") return undefined;
  return BUILT_IN_FRAMEWORKS.find((framework) => framework.id.toLowerCase() === wanted || framework.name.trim().toLowerCase() === wanted);
}
