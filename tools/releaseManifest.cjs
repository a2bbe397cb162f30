// The manifest of a release for a council's own web address: every URL at that address, the
// production add-in id and name, the package's version. Pure functions over text, so the tests
// check them without building anything; tools/release.mjs does the building.
"use strict";

/** The development manifest's id and the origin its URLs use (manifest.xml as committed). */
const DEV_ID = "ed1e6046-4e53-4170-9aa7-3e9507f8a7d9";
const DEV_ORIGIN = "https://localhost:3000";

/**
 * The production add-in's id: one id for every release, so a council's central deployment
 * updates the add-in it already has rather than adding a second one. Distinct from DEV_ID, so a
 * developer's sideloaded copy is never taken for the deployed one (office-js #4571: two copies
 * with the same id and TENDER namespace leave formulas at #NAME?).
 */
const PRODUCTION_ID = "5f0c2b9e-8d1a-4c6e-9b3f-2a7d4e6c1b80";
const PRODUCTION_NAME = "Social Value Evaluation";

/** Host names that can only mean the machine the browser runs on. */
const LOCAL_HOSTS = new Set(["localhost", "127.0.0.1", "[::1]", "0.0.0.0"]);

/**
 * The address the add-in's files will be served from, as a URL ending in "/", or an Error
 * whose message says what is wrong with `text` in a sentence.
 */
function parseOrigin(text) {
  if (typeof text !== "string" || text.trim() === "") {
    return new Error("Give the address the files will be served from: --origin https://addins.example.gov.uk/social-value/");
  }
  let url;
  try {
    url = new URL(text.trim());
  } catch {
    return new Error(`${text} is not a web address. Give a full one, such as https://addins.example.gov.uk/social-value/`);
  }
  if (url.protocol !== "https:") return new Error(`${text} does not start with https://: Office loads add-ins only over HTTPS.`);
  if (LOCAL_HOSTS.has(url.hostname) || url.hostname.endsWith(".localhost")) {
    return new Error(`${text} is this machine's own address: a release must name the server the council's Excel will load the add-in from.`);
  }
  if (url.username !== "" || url.password !== "") return new Error(`${text} holds a user name or password: give the address alone.`);
  if (url.search !== "" || url.hash !== "") return new Error(`${text} has a query or a # part: give the folder the files are served from, nothing after it.`);
  const path = url.pathname.endsWith("/") ? url.pathname : `${url.pathname}/`;
  return { base: `${url.origin}${path}`, domain: url.origin };
}

/** Escapes text for an XML attribute. */
function xmlAttribute(text) {
  return text.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

/**
 * The development manifest made a release's: `base` from parseOrigin, `version` as in
 * package.json ("1.2.3", written "1.2.3.0" as the manifest's four-part form), and optionally
 * another `id` (a GUID) or display `name`. Throws when the manifest is not the development one
 * it expects, so a changed manifest.xml is never half rewritten.
 */
function releaseManifest(xml, { base, domain, version, id = PRODUCTION_ID, name = PRODUCTION_NAME }) {
  if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id)) throw new Error(`${id} is not an add-in id: give a GUID such as ${PRODUCTION_ID}.`);
  if (id.toLowerCase() === DEV_ID) throw new Error("That id is the development manifest's: a release needs its own, or Excel takes one copy for the other.");
  if (!/^\d+\.\d+\.\d+$/.test(version)) throw new Error(`package.json's version ${version} is not three numbers (1.2.3).`);
  const expect = (pattern, what) => {
    if (!pattern.test(xml)) throw new Error(`manifest.xml has no ${what} to rewrite; has it changed shape?`);
  };
  expect(new RegExp(`<Id>${DEV_ID}</Id>`), "development <Id>");
  expect(/<Version>[^<]*<\/Version>/, "<Version>");
  expect(/<DisplayName DefaultValue="[^"]*"\/>/, "<DisplayName>");
  expect(new RegExp(`<AppDomain>${DEV_ORIGIN}</AppDomain>`), "development <AppDomain>");
  return (
    xml
      // The development note at the top names the dev server; the release says where it points.
      .replace(/<!--[\s\S]*?-->\s*(?=<OfficeApp)/, `<!-- Social value evaluation add-in, release ${version}, served from ${xmlAttribute(base)} -->\n`)
      .replace(`<Id>${DEV_ID}</Id>`, `<Id>${id}</Id>`)
      .replace(/<Version>[^<]*<\/Version>/, `<Version>${version}.0</Version>`)
      .replace(/<DisplayName DefaultValue="[^"]*"\/>/, `<DisplayName DefaultValue="${xmlAttribute(name)}"/>`)
      .replace(`<AppDomain>${DEV_ORIGIN}</AppDomain>`, `<AppDomain>${xmlAttribute(domain)}</AppDomain>`)
      .split(`${DEV_ORIGIN}/`)
      .join(xmlAttribute(base))
  );
}

/**
 * Problems that make a manifest unfit to release, [] if none: any mention of a local address,
 * and any URL outside the one the AppDomain names (checked only for a manifest that is not the
 * development one, whose id says what it is).
 */
function releaseProblems(xml) {
  const id = /<Id>([^<]*)<\/Id>/.exec(xml)?.[1]?.trim().toLowerCase();
  if (id === DEV_ID) return [];
  const problems = [];
  const local = [...new Set([...xml.matchAll(/[^\s"<>]*(?:localhost|127\.0\.0\.1|\[::1\])[^\s"<>]*/gi)].map((m) => m[0]))];
  if (local.length > 0) problems.push(`A release must not point at this machine; the manifest names ${local.join(", ")}. Build it with npm run release -- --origin <the council's address>.`);
  const domain = /<AppDomain>([^<]*)<\/AppDomain>/.exec(xml)?.[1];
  const urls = [...xml.matchAll(/DefaultValue="(https?:\/\/[^"]*)"/g)].map((m) => m[1]);
  const elsewhere = domain === undefined ? urls : urls.filter((u) => !u.startsWith(`${domain}/`));
  if (elsewhere.length > 0) problems.push(`Every URL of a release must be on its AppDomain (${domain ?? "none declared"}); these are not: ${elsewhere.join(", ")}.`);
  return problems;
}

module.exports = { DEV_ID, DEV_ORIGIN, PRODUCTION_ID, PRODUCTION_NAME, parseOrigin, releaseManifest, releaseProblems };
