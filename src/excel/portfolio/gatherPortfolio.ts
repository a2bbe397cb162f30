/**
 * A gather (issue #20): many signed evaluation workbooks into this portfolio workbook.
 *
 * 1. Each file is read with readSignedEvaluation (src/forms: the returned forms' guards, then the
 *    same fingerprint check as Verify), a few at a time, with no request to Excel: reading
 *    200 files takes seconds, and the portfolio is read only after, so a co-author's edits made
 *    meanwhile are in what the plan starts from. Each file's bytes are hashed (SHA-256) here, as
 *    they are at hand: the picker gives no folder, so the name and the hash are what tell two
 *    files of the same name apart (planGather).
 * 2. The PF_ tables are read (readPortfolio), core planGather decides, and writePortfolio writes
 *    only what changes. If a co-author moved rows between that read and the write, the write's
 *    guards stop it before anything is written, and the portfolio is read and planned again (at
 *    most MAX_ATTEMPTS times, then the user is asked to gather again).
 *
 * Returns what the pane shows: one outcome per file with its sentence, the plan's messages, and
 * the counts.
 */
import { planGather, refusedFile, type Acceptance, type GatheredEvaluation, type GatherMessage, type PortfolioRows, type PortfolioTableKey, type RatingThresholds } from "../../core";
import { RefusalError } from "../shared/refusal";
import { throwIfCancelled, type ExcelRun, type OperationOptions, type Progress } from "../shared/excelRun";
import { readSignedEvaluation } from "../../forms/readSignedEvaluation";
import { describeOfficeError } from "../shared/officeErrors";
import { readPortfolio } from "./readPortfolio";
import { DASHBOARD_SHEET, writeDashboard } from "./writeDashboard";
import { PortfolioChangedError, writePortfolio, type PortfolioWritten } from "./writePortfolio";

/** Reads and plans again this many times at most when a co-author moved rows mid-write. */
export const MAX_ATTEMPTS = 3;

/** A chosen file: its name and bytes (or how to get them, read when its turn comes). */
export interface PortfolioFile {
  name: string;
  bytes: Uint8Array | ArrayBuffer | (() => Promise<Uint8Array | ArrayBuffer>);
}

export interface PortfolioGatherOptions {
  /** The gather's time (GatheredAt, and "today" for due dates and ratings). */
  now?: Date;
  /** Cancels between files and before the write; never half-way through the write. */
  signal?: AbortSignal;
  thresholds?: RatingThresholds;
  /** For tests of the splitting. */
  maxBytes?: number;
  /**
   * false: the tables only, no PF Dashboard (for tests of the tables' request budget; the
   * dashboard's one write is bounded on its own, see writeDashboard's tests).
   */
  dashboard?: boolean;
}

/** What the pane shows for one chosen file. */
export interface FileOutcome {
  fileName: string;
  /** SHA-256 of the file's bytes: what an Acceptance's fingerprint names to pick this one of two files of the same name. */
  contentHash?: string;
  /** PF_Sources' Verdict: Signed and intact, Changed since sign-off, Not signed, Not an evaluation, Duplicate, Refused. */
  verdict: string;
  included: boolean;
  /** Included because the user accepted it with a reason. */
  accepted: boolean;
  /** The sentence for the file, then its notes and conflicts. */
  sentences: string[];
}

export interface PortfolioGathered {
  files: FileOutcome[];
  messages: GatherMessage[];
  counts: { files: number; included: number; leftOut: number; accepted: number; contracts: number; commitments: number; offers: number; kpis: number };
  /** Rows added to each table and cells written. */
  written: PortfolioWritten["tables"];
  /** Requests to Excel (reads and writes, every attempt). */
  syncs: number;
  /** 1, or more when a co-author moved rows mid-write and the portfolio was read again. */
  attempts: number;
  /** PF Dashboard, drawn after the tables: its charts, or why it was not (the tables are written either way). */
  dashboard: { drawn: true; sheet: string; charts: string[]; note: string } | { drawn: false; sheet: string; note: string };
}

/**
 * The file's bytes, or why they could not be had: a file moved, deleted or still only a cloud
 * placeholder since it was chosen is that file refused, never the whole batch stopped.
 */
async function bytesOrWhyNot(file: PortfolioFile): Promise<Uint8Array | ArrayBuffer | string> {
  if (typeof file.bytes !== "function") return file.bytes;
  try {
    return await file.bytes();
  } catch (error) {
    const detail = error instanceof Error && error.message ? ` (${error.message})` : "";
    return `"${file.name}" could not be read${detail}: it may have been moved, renamed or deleted since it was chosen, or not yet downloaded from OneDrive or SharePoint. Choose it again.`;
  }
}

/**
 * Files read at once. Unpacking a part is asynchronous (the platform's DecompressionStream runs
 * off the main thread), so while one file waits for its parts another is parsed: on the bench's
 * 200 files, a few at a time read faster than one by one. Bounded, so 200 chosen files are
 * not all unpacked in memory together.
 */
export const READ_CONCURRENCY = 4;

/** SHA-256 of a file's bytes, as 64 lower-case hex digits (WebCrypto: browsers, Office, Node 20). */
export async function sha256OfBytes(bytes: Uint8Array | ArrayBuffer): Promise<string> {
  const subtle = globalThis.crypto?.subtle;
  if (subtle === undefined) throw new RefusalError("This Excel cannot compute a SHA-256 fingerprint (no Web Crypto). Nothing was gathered: update Excel or use Excel on the web.");
  // A file's bytes are never in a SharedArrayBuffer (which digest refuses): the cast only says so.
  const digest = await subtle.digest("SHA-256", bytes as Uint8Array<ArrayBuffer> | ArrayBuffer);
  let hex = "";
  for (const byte of new Uint8Array(digest)) hex += byte.toString(16).padStart(2, "0");
  return hex;
}

/** Reads every file (no Office.js), in order; `progress` from 0 to 0.8. */
export async function readFiles(files: readonly PortfolioFile[], progress?: (p: Progress) => void, signal?: AbortSignal): Promise<GatheredEvaluation[]> {
  const out: GatheredEvaluation[] = new Array<GatheredEvaluation>(files.length);
  let next = 0;
  let done = 0;
  const worker = async (): Promise<void> => {
    while (next < files.length) {
      throwIfCancelled(signal);
      const i = next++;
      const file = files[i] as PortfolioFile;
      const bytes = await bytesOrWhyNot(file);
      if (typeof bytes === "string") out[i] = refusedFile(file.name, bytes);
      else {
        const [read, contentHash] = await Promise.all([readSignedEvaluation(file.name, bytes), sha256OfBytes(bytes)]);
        out[i] = { ...read, contentHash };
      }
      done++;
      progress?.({ fraction: (0.8 * done) / files.length, message: `Read ${done} of ${files.length} files (${file.name})` });
    }
  };
  await Promise.all(Array.from({ length: Math.min(READ_CONCURRENCY, files.length) }, worker));
  return out;
}

/** The gather: see the module comment. Runs inside one Excel.run (`context`). */
export async function gatherPortfolio(
  context: Excel.RequestContext,
  files: readonly PortfolioFile[],
  acceptances: readonly Acceptance[],
  progress?: (p: Progress) => void,
  options: PortfolioGatherOptions = {}
): Promise<PortfolioGathered> {
  const gathered = await readFiles(files, progress, options.signal);
  const now = options.now ?? new Date();
  let syncs = 0;
  for (let attempt = 1; ; attempt++) {
    progress?.({ fraction: 0.8, message: "Reading the portfolio's tables" });
    const read = await readPortfolio(context, options.signal);
    syncs += read.syncs;
    const plan = planGather(read.rows, gathered, acceptances, { now, ...(options.thresholds ? { thresholds: options.thresholds } : {}) });
    throwIfCancelled(options.signal);
    progress?.({ fraction: 0.9, message: "Writing the portfolio" });
    try {
      const written = await writePortfolio(context, plan, read, options.maxBytes);
      syncs += written.syncs;
      progress?.({ fraction: 0.95, message: "Drawing the dashboard" });
      const dashboard = options.dashboard === false ? { outcome: { drawn: false as const, sheet: DASHBOARD_SHEET, note: "" }, syncs: 0 } : await drawDashboard(context, plan.tables, now);
      syncs += dashboard.syncs;
      progress?.({ fraction: 1, message: "Gathered" });
      return { ...outcome(plan, written, syncs, attempt), dashboard: dashboard.outcome };
    } catch (error) {
      // Nothing was written: the rows moved before the first request; read them again.
      if (!(error instanceof PortfolioChangedError) || error.partlyWritten || attempt >= MAX_ATTEMPTS) throw error;
    }
  }
}

/**
 * PF Dashboard after the tables are written. The tables are what matters and are written by then,
 * so a dashboard that cannot be drawn (a sheet of that name that is the user's own, or an Excel
 * that refuses a chart) is said in the outcome, never made the gather's failure.
 */
async function drawDashboard(context: Excel.RequestContext, tables: PortfolioRows, now: Date): Promise<{ outcome: PortfolioGathered["dashboard"]; syncs: number }> {
  try {
    const d = await writeDashboard(context, tables, now);
    return { outcome: { drawn: true, sheet: d.sheet, charts: d.charts, note: d.note }, syncs: d.syncs };
  } catch (error) {
    const why = describeOfficeError(error);
    return { outcome: { drawn: false, sheet: DASHBOARD_SHEET, note: `The portfolio's tables were gathered, but the sheet ${DASHBOARD_SHEET} was not drawn: ${why}` }, syncs: 0 };
  }
}

function outcome(plan: ReturnType<typeof planGather>, written: PortfolioWritten, syncs: number, attempts: number): Omit<PortfolioGathered, "dashboard"> {
  // A file is its name and contents (planGather): two files of the same name are two outcomes.
  const fileKey = (name: string): string => name.trim().toLowerCase();
  const sameFile = (a: { fileName: string; contentHash?: string }, b: { fileName: string; contentHash?: string }): boolean => fileKey(a.fileName) === fileKey(b.fileName) && a.contentHash === b.contentHash;
  const files: FileOutcome[] = plan.files.map((f) => {
    const left = plan.leftOut.find((l) => sameFile(l, f));
    const mine = plan.messages.filter((m) => sameFile(m, f) && m.kind !== "left-out");
    return { fileName: f.fileName, ...(f.contentHash !== undefined ? { contentHash: f.contentHash } : {}), verdict: f.verdict, included: f.included, accepted: f.accepted, sentences: [...(left ? [left.message] : []), ...mine.map((m) => m.text)] };
  });
  const count = (key: PortfolioTableKey): number => plan.tables[key].length;
  return {
    files,
    messages: plan.messages,
    counts: {
      files: files.length,
      included: plan.included.length,
      leftOut: plan.leftOut.length,
      accepted: files.filter((f) => f.accepted).length,
      contracts: count("contracts"),
      commitments: count("commitments"),
      offers: count("offers"),
      kpis: count("kpis"),
    },
    written: written.tables,
    syncs,
    attempts,
  };
}

/** What the pane may ask of the portfolio (injected as the other steps' actions are). */
export interface PortfolioActions {
  /**
   * Gathers the chosen files into the PF_ tables of the workbook open now. `acceptances` name the
   * files the user has chosen to include, with a reason, although the gather would leave them out.
   */
  gatherPortfolio(files: readonly PortfolioFile[], acceptances: readonly Acceptance[], options?: OperationOptions): Promise<PortfolioGathered>;
}

export function createPortfolioActions(run: ExcelRun, clock: () => Date = () => new Date()): PortfolioActions {
  return {
    gatherPortfolio: (files, acceptances, options = {}) =>
      run((context) => gatherPortfolio(context, files, acceptances, options.onProgress, { now: clock(), ...(options.signal ? { signal: options.signal } : {}) })),
  };
}
