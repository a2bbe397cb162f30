/**
 * Registers Node's file reader for the host (platformFiles.ts). Imported by jest's setup
 * (test/support/excelHostSetup.ts) and by the bench; never by the playground.
 */
import { existsSync, readFileSync } from "fs";
import { dirname, join } from "path";
import { registerPlatformFiles } from "./platformFiles";

/** The project folder: walked up to, so this also works compiled under bench/.build. */
function projectRoot(from: string): string {
  let dir = from;
  while (!existsSync(join(dir, "manifest.xml")) || !existsSync(join(dir, "node_modules"))) {
    const up = dirname(dir);
    if (up === dir) throw new Error(`Excel host: no project folder (manifest.xml and node_modules) above ${from}`);
    dir = up;
  }
  return dir;
}

const root = projectRoot(__dirname);
const nodeModule = (path: string): string => join(root, "node_modules", path);

registerPlatformFiles({
  officeJs: () => readFileSync(nodeModule("@microsoft/office-js/dist/excel-web-16.00.debug.js"), "utf8"),
  officeJsTypes: () => readFileSync(nodeModule("@types/office-js/index.d.ts"), "utf8"),
  manifest: () => readFileSync(join(root, "manifest.xml"), "utf8"),
});
