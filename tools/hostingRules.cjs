// What a static web server must send with each file of a release: the README's "Deployment"
// table, and the rules the release test's plain server applies (test/e2e/release.e2e.ts), so
// the documented configuration is the tested one.
"use strict";

/** A year: chunks are named by their content's hash, so a changed chunk has a new name. */
const IMMUTABLE = "public, max-age=31536000, immutable";
/** Revalidate every time: these names stay the same from one release to the next. */
const REVALIDATE = "no-cache";

/**
 * One rule per kind of file, first match wins. `cors`: Excel on the web fetches functions.json
 * (and the runtime functions.js) from another origin than the page it runs in, and drops the
 * functions unless the response allows it (office-js #3970); the files are public, so any origin.
 */
const HOSTING_RULES = [
  { files: "functions.json", match: /^functions\.json$/, type: "application/json; charset=utf-8", cache: REVALIDATE, cors: true },
  { files: "functions.js", match: /^functions\.js$/, type: "text/javascript; charset=utf-8", cache: REVALIDATE, cors: true },
  { files: "taskpane.html, help.html", match: /^(taskpane|help)\.html$/, type: "text/html; charset=utf-8", cache: REVALIDATE, cors: false },
  { files: "taskpane.js", match: /^taskpane\.js$/, type: "text/javascript; charset=utf-8", cache: REVALIDATE, cors: false },
  { files: "the other .js files (named by content hash)", match: /^[^/]+\.[0-9a-f]{8}\.js$/, type: "text/javascript; charset=utf-8", cache: IMMUTABLE, cors: false },
  { files: "manifest.xml", match: /^manifest\.xml$/, type: "application/xml; charset=utf-8", cache: REVALIDATE, cors: false },
  { files: "assets/*.png", match: /^assets\/[^/]+\.png$/, type: "image/png", cache: "public, max-age=86400", cors: false },
  { files: "*.LICENSE.txt", match: /\.LICENSE\.txt$/, type: "text/plain; charset=utf-8", cache: REVALIDATE, cors: false },
];

/** Sent with every file: a browser must not guess a script's type from its content. */
const EVERY_FILE = { "X-Content-Type-Options": "nosniff" };

/** The headers to send with `path` (relative to the release's folder, "/" separated), or undefined for a file not to serve. */
function headersFor(path) {
  const rule = HOSTING_RULES.find((r) => r.match.test(path));
  if (rule === undefined) return undefined;
  return {
    "Content-Type": rule.type,
    "Cache-Control": rule.cache,
    ...(rule.cors ? { "Access-Control-Allow-Origin": "*" } : {}),
    ...EVERY_FILE,
  };
}

module.exports = { HOSTING_RULES, EVERY_FILE, headersFor };
