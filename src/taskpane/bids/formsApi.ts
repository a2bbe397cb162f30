/**
 * The response-form code (src/forms, with ExcelJS) as the Bids page uses it. It is loaded on
 * demand, the first time a form is built or a file read, so ExcelJS never weighs on the pane's
 * first load (bench: bundle/taskpane-page-initial-gzip, budget 165 KB). Tests inject their own.
 */
import type { ColumnMapping, FormReadResult, FormTender, Grid } from "../../forms/types";
import type { MeasureEntry } from "../../core";

export interface FormsApi {
  buildResponseForm(tender: FormTender): Promise<Uint8Array>;
  readResponseForm(fileName: string, bytes: Uint8Array, expectedTenderId?: string): Promise<FormReadResult>;
  readTableFile(fileName: string, bytes: Uint8Array): Promise<{ ok: true; grids: Grid[]; notes?: string[] } | { ok: false; message: string }>;
  proposeMapping(grid: Grid): { mapping: ColumnMapping; headers: string[]; notes: string[] };
  applyMapping(grid: Grid, mapping: ColumnMapping): { measures: MeasureEntry[]; problems: { row: number; message: string }[]; notes?: string[] };
  /** Files larger than this are refused before they are read. */
  maxFileBytes: number;
}

export type LoadFormsApi = () => Promise<FormsApi>;

export const loadFormsApi: LoadFormsApi = async () => {
  const [build, read, table, guards] = await Promise.all([
    import(/* webpackChunkName: "forms" */ "../../forms/buildResponseForm"),
    import(/* webpackChunkName: "forms" */ "../../forms/readResponseForm"),
    import(/* webpackChunkName: "forms" */ "../../forms/measureTableImport"),
    import(/* webpackChunkName: "forms" */ "../../forms/fileGuards"),
  ]);
  return {
    buildResponseForm: build.buildResponseForm,
    readResponseForm: (fileName, bytes, expectedTenderId) => read.readResponseForm(fileName, bytes, expectedTenderId),
    readTableFile: table.readTableFile,
    proposeMapping: table.proposeMapping,
    applyMapping: table.applyMapping,
    maxFileBytes: guards.MAX_FILE_BYTES,
  };
};

/** Saves bytes as a file through the browser (the fallback where Excel cannot open a workbook). */
/** What a download did: started it, or could not (the platform lets no add-in save a file). */
export type DownloadResult = "started" | "unsupported";

/**
 * Office platforms whose add-in web view ignores a download link: Excel for Mac and for iPad
 * (WKWebView) do nothing when one is clicked, so the pane must not say a file is coming.
 */
const NO_DOWNLOADS: ReadonlySet<string> = new Set(["Mac", "iOS"]);

function officePlatform(): string | undefined {
  const office = (globalThis as { Office?: { context?: { platform?: unknown } } }).Office;
  const platform = office?.context?.platform;
  return typeof platform === "string" ? platform : undefined;
}

export function downloadFile(bytes: Uint8Array, fileName: string, platform: string | undefined = officePlatform()): DownloadResult {
  if (platform !== undefined && NO_DOWNLOADS.has(platform)) return "unsupported";
  const blob = new Blob([bytes as BlobPart], { type: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" });
  const url = URL.createObjectURL(blob);
  const link = document.createElement("a");
  link.href = url;
  link.download = fileName;
  link.click();
  // Revoked on the next turn: the click has started the download by then.
  setTimeout(() => URL.revokeObjectURL(url), 0);
  return "started";
}

/** A file name from the contract's name, without the characters Windows refuses. */
export function formFileName(contractName: string, bidder: string): string {
  const clean = (s: string) =>
    Array.from(s, (ch) => (ch.charCodeAt(0) < 32 || '\\/:*?"<>|'.includes(ch) ? " " : ch))
      .join("")
      .replace(/\s+/g, " ")
      .trim();
  const contract = clean(contractName) || "Tender";
  const who = clean(bidder);
  return `${contract} - response form${who ? ` - ${who}` : ""}.xlsx`.slice(0, 180);
}
