/**
 * The frameworks that ship with the add-in. Order is the order a picker shows them:
 * the national model first, then councils alphabetically, then the illustrative set last
 * so nobody picks it by accident.
 */
import { COLCHESTER } from "./colchester";
import { ESSEX } from "./essex";
import { ILLUSTRATIVE } from "./illustrative";
import type { Framework } from "./schema";
import { SOCIAL_VALUE_MODEL } from "./socialValueModel";
import { SOUTHEND } from "./southend";
import { THURROCK } from "./thurrock";

export const BUILT_IN_FRAMEWORKS: readonly Framework[] = [SOCIAL_VALUE_MODEL, COLCHESTER, ESSEX, SOUTHEND, THURROCK, ILLUSTRATIVE];

/**
 * The built-in framework with this id (trimmed, case-insensitive: the id is read back from
 * the SV_Framework cell, where a user may have retyped it), or undefined.
 */
export function getBuiltInFramework(id: string): Framework | undefined {
  const wanted = id.trim().toLowerCase();
  return BUILT_IN_FRAMEWORKS.find((framework) => framework.id.toLowerCase() === wanted);
}
