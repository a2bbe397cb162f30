/**
 * Which requirement set each Excel API member belongs to, read from the `[Api set: …]` tags of
 * @types/office-js (the same declarations the add-in is typed against), never typed by hand.
 * The min-api profile refuses a member whose set is above what the add-in declares.
 *
 * A member's tag is in the JSDoc just above it inside `declare namespace Excel { class X … }`.
 * A member with no tag of its own takes its class's tag. Where a tag lists several sets
 * ("ExcelApi 1.1, ExcelApiOnline 1.1") the ExcelApi one counts; members only in other sets
 * (ExcelApiOnline, ExcelApiDesktop) are left out, since the profile models an Excel build by
 * its ExcelApi version. Node only (it reads node_modules); the playground never needs it.
 */
import { platformFiles } from "./platformFiles";

export interface RequirementSet {
  set: string;
  version: string;
}

const TAG = /\[Api set: ([^\]]+)\]/;
const CLASS = /^\s{4}class (\w+)\b/;
const MEMBER = /^\s{8}(?:readonly\s+|static\s+)?([A-Za-z_$][\w$]*)\??\s*[(:<]/;

let cached: Map<string, RequirementSet> | undefined;

/** "Range.getSpecialCells" → { set: "ExcelApi", version: "1.9" }. */
export function excelMemberSets(): Map<string, RequirementSet> {
  if (cached) return cached;
  cached = parseMemberSets(platformFiles().officeJsTypes());
  return cached;
}

/** The ExcelApi set in a tag's text, e.g. "ExcelApi 1.13, ExcelApiOnline 1.1" → ExcelApi 1.13. */
function excelApiOf(tag: string): RequirementSet | undefined {
  for (const part of tag.split(",")) {
    const [set, version] = part.trim().split(/\s+/);
    if (set === "ExcelApi" && version) return { set, version };
  }
  return undefined;
}

export function parseMemberSets(declarations: string): Map<string, RequirementSet> {
  const out = new Map<string, RequirementSet>();
  const start = declarations.indexOf("declare namespace Excel {");
  const interfaces = declarations.indexOf("\n    namespace Interfaces {", start);
  const lines = declarations.slice(start, interfaces < 0 ? undefined : interfaces).split("\n");
  let className: string | undefined;
  let classSet: RequirementSet | undefined;
  let pendingTag: string | undefined;
  let inDoc = false;
  let docTag: string | undefined;
  for (const line of lines) {
    if (line.includes("/**")) {
      inDoc = true;
      docTag = undefined;
    }
    if (inDoc) {
      const tag = TAG.exec(line);
      if (tag) docTag = tag[1];
      if (line.includes("*/")) {
        inDoc = false;
        pendingTag = docTag;
      }
      continue;
    }
    const cls = CLASS.exec(line);
    if (cls) {
      className = cls[1];
      classSet = pendingTag ? excelApiOf(pendingTag) : undefined;
      pendingTag = undefined;
      continue;
    }
    if (/^\s{4}\}/.test(line)) {
      className = undefined;
      pendingTag = undefined;
      continue;
    }
    const member = className ? MEMBER.exec(line) : null;
    if (member && className) {
      const own = pendingTag ? excelApiOf(pendingTag) : undefined;
      const found = own ?? classSet;
      const key = `${className}.${member[1]}`;
      const before = out.get(key);
      // Overloads share a name: the lowest set that has any of them is the member's.
      if (found && (!before || compareVersions(found.version, before.version) < 0)) out.set(key, found);
      pendingTag = undefined;
    } else if (line.trim() !== "") pendingTag = undefined;
  }
  return out;
}

export function compareVersions(a: string, b: string): number {
  const pa = a.split(".").map(Number);
  const pb = b.split(".").map(Number);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}

/**
 * The requirement sets a manifest declares (`<Set Name="ExcelApi" MinVersion="1.13"/>`), with
 * ExcelApi 1.1 when it declares none: every Excel that runs add-ins has ExcelApi 1.1, and an
 * add-in that declares nothing more can count on nothing more.
 */
export function declaredRequirementSets(manifestXml: string): Record<string, string> {
  const sets: Record<string, string> = { ExcelApi: "1.1" };
  const setTag = /<Set\b([^>]*)\/?>/g;
  for (const match of manifestXml.matchAll(setTag)) {
    const attrs = match[1] ?? "";
    const name = /\bName="([^"]+)"/.exec(attrs)?.[1];
    const version = /\bMinVersion="([^"]+)"/.exec(attrs)?.[1] ?? /DefaultMinVersion="([^"]+)"/.exec(manifestXml)?.[1] ?? "1.1";
    if (name) sets[name] = version;
  }
  return sets;
}

/** The manifest's declared sets, read from manifest.xml at the project's root. */
export function manifestRequirementSets(): Record<string, string> {
  return declaredRequirementSets(platformFiles().manifest());
}

/**
 * The set that `Type.member` needs when it is above what `declared` allows; undefined when the
 * member is allowed (or its set is unknown, or not ExcelApi).
 */
export function missingSet(typeName: string, member: string, declared: Readonly<Record<string, string>>): RequirementSet | undefined {
  const needed = excelMemberSets().get(`${typeName}.${member}`);
  if (!needed) return undefined;
  const have = declared[needed.set] ?? "1.1";
  return compareVersions(needed.version, have) > 0 ? needed : undefined;
}

/** Per requirement set, the highest version the members need, and the members that need it. */
export function highestSets(members: Iterable<string>): Map<string, { version: string; members: string[] }> {
  const sets = excelMemberSets();
  const out = new Map<string, { version: string; members: string[] }>();
  for (const member of members) {
    const needed = sets.get(member);
    if (!needed) continue;
    const seen = out.get(needed.set);
    const order = seen ? compareVersions(needed.version, seen.version) : 1;
    if (order > 0) out.set(needed.set, { version: needed.version, members: [member] });
    else if (order === 0 && seen) seen.members.push(member);
  }
  return out;
}
