/**
 * ExcelJS, loaded on demand: it is large (about 1 MB), and the task pane's first load must stay
 * small, so webpack puts it in its own chunk fetched the first time a form is built or read.
 */
type ExcelJSModule = typeof import("exceljs");

/**
 * ExcelJS is CommonJS: webpack's and ts-jest's interop put its exports either on the namespace
 * or under `default`, depending on the loader. Either way this is where `Workbook` lives.
 */
export async function loadExcelJS(): Promise<ExcelJSModule> {
  const mod = (await import(/* webpackChunkName: "exceljs" */ "exceljs")) as ExcelJSModule & { default?: ExcelJSModule };
  return typeof mod.Workbook === "function" ? mod : (mod.default as ExcelJSModule);
}

/** Bytes as ExcelJS's `load` accepts them in both Node and the browser: an ArrayBuffer of exactly the file. */
export function asArrayBuffer(bytes: Uint8Array): ArrayBuffer {
  if (bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength && bytes.buffer instanceof ArrayBuffer) return bytes.buffer;
  return bytes.slice().buffer as ArrayBuffer;
}

/** A plain Uint8Array view (not a Node Buffer) of bytes however they came. */
export function asBytes(bytes: Uint8Array | ArrayBuffer): Uint8Array {
  return bytes instanceof Uint8Array ? new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength) : new Uint8Array(bytes);
}
