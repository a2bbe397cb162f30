/**
 * The files the host reads outside a browser page: Microsoft's client (officeJs.ts), the
 * @types/office-js declarations (apiSets.ts) and manifest.xml (the requirement sets it declares).
 * Node code registers a reader once (nodeFiles.ts; jest's setup does it for every test file);
 * the playground never needs them, and keeping Node's `fs` out of this module keeps it out of
 * the playground's bundle.
 */
export interface PlatformFiles {
  /** The text of @microsoft/office-js's dist/excel-web-16.00.debug.js. */
  officeJs(): string;
  /** The text of @types/office-js/index.d.ts. */
  officeJsTypes(): string;
  /** The text of the project's manifest.xml. */
  manifest(): string;
}

let registered: PlatformFiles | undefined;

export function registerPlatformFiles(files: PlatformFiles): void {
  registered = files;
}

export function platformFiles(): PlatformFiles {
  if (!registered) throw new Error("Excel host: no file reader registered. In Node, import test/excelHost/nodeFiles first (jest's setup does); in a page, load Microsoft's client with a <script> tag.");
  return registered;
}
