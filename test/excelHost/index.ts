/**
 * An Excel host for tests and the playground, behind Microsoft's own Excel JavaScript client.
 * The add-in's Office.js code runs unchanged on `@microsoft/office-js` (officeJs.ts); its
 * requests reach this host, which runs them on a workbook model (workbookModel.ts: cells in
 * HyperFormula with the TENDER functions, tables, names, formats, validation, charts) and
 * answers in the client's format (executor.ts). README.md says what it models and what not.
 *
 *   const host = createExcelHost({ profile: "desktop-legacy" });
 *   await insertPlan(host.run, plan);                       // the add-in's code, as in Excel
 *   expect(host.inspect.values("'SV Setup'!B2")).toEqual([[250000]]);
 *   expect(host.stats.maxRequestBytes).toBeLessThan(5 * 1024 * 1024);
 *   host.coauthor.beforeNextRequest((co) => co.sortTable("SV_Commitments", "Bidder"));
 *
 * HyperFormula is GPLv3: this folder is never imported from src/; the Excel layer takes `run`
 * injected.
 */
import { buildTenderEngine } from "../support/tenderFunctionsPlugin";
import { MAX_COLUMNS, MAX_ROWS } from "./addresses";
import { manifestRequirementSets } from "./apiSets";
import { CoAuthor } from "./coauthor";
import type { EventMessageEntry } from "./events";
import { executeRequest, type ExecutorEnv } from "./executor";
import type { HostObject } from "./hostTypes";
import { WorkbookInspector } from "./inspect";
import { officeJs, route, type OfficeJsClient } from "./officeJs";
import { profileOf, type HostProfile, type ProfileName } from "./profiles";
import { emptyStats, utf8Bytes, type HostStats } from "./stats";
import { noteUnimplemented } from "./strictness";
import { WorkbookModel, type EngineFactory } from "./workbookModel";

export type { HostStats } from "./stats";
export type { ProfileName } from "./profiles";
export type { EngineFactory } from "./workbookModel";
export type { ChartDetails } from "./inspect";
export { CoAuthor } from "./coauthor";

/** 5 MB, the request and response limit of Excel on the web (resource limits article). */
export const PAYLOAD_LIMIT_BYTES = 5 * 1024 * 1024;

export interface HostLimits {
  requestPayloadBytes: number;
  responsePayloadBytes: number;
}

export type Batch<T> = (context: Excel.RequestContext) => Promise<T>;

export interface HostRun {
  <T>(batch: Batch<T>): Promise<T>;
  <T>(options: object | undefined, batch: Batch<T>): Promise<T>;
}

export interface ExcelHostOptions {
  /**
   * Worksheets to start with, in order, each filled from A1 as if the add-in had written the
   * rows to `Range.values` (so "=…" is a formula). Default: one empty sheet, "Sheet1".
   */
  sheets?: Record<string, unknown[][]>;
  /**
   * Builds the formula engine from the configuration the host needs (Excel's grid, dynamic
   * arrays, the profile's blank-cell rule in `context`). Default: HyperFormula with the TENDER
   * functions (test/support/tenderFunctionsPlugin.ts).
   */
  createEngine?: EngineFactory;
  /** Request and response limits in bytes; default 5 MB each, as Excel on the web. */
  limits?: Partial<HostLimits>;
  /** One profile or several (profiles.ts); default "web". */
  profile?: ProfileName | readonly ProfileName[];
  /** Under min-api, the requirement sets the add-in may use; default those manifest.xml declares. */
  requirementSets?: Readonly<Record<string, string>>;
  /** Count the bytes of every TENDER function's arguments in `stats.functionArgumentBytes` (costly: off by default). */
  countFunctionArguments?: boolean;
}

export interface ExcelHost {
  /** Excel.run on this host: `run(async (context) => …)`, with Microsoft's RequestContext. */
  run: HostRun;
  /** Microsoft's `Excel` and `OfficeExtension`, for tests that check an error's class or a constant. */
  readonly client: OfficeJsClient;
  readonly profile: HostProfile;
  /** Makes `Excel.run(batch)` without a context (as src/taskpane/boot.tsx calls it) reach this host; returns the undo. */
  installGlobals(): () => void;
  /** Counters since creation or the last resetStats(). */
  readonly stats: HostStats;
  resetStats(): void;
  /** Reads the workbook directly (no request, not counted). */
  readonly inspect: WorkbookInspector;
  /** Another user of the shared workbook, acting between the add-in's requests. */
  readonly coauthor: CoAuthor;
  /** Under the busy profile: lets calculation finish, so TENDER cells show their values. */
  finishCalculation(): void;
  /** Members the add-in used that the host does not implement (each also fails the test). */
  readonly unimplemented: readonly string[];
  /** Stops routing requests here. */
  close(): void;
}

/** The Excel engine configured as Excel: its grid size, dynamic arrays, no rounding of results. */
const ENGINE_CONFIG = { maxRows: MAX_ROWS, maxColumns: MAX_COLUMNS, useArrayArithmetic: true, smartRounding: false };

const defaultEngine: EngineFactory = (config) => buildTenderEngine({}, config);

let hostCount = 0;

export function createExcelHost(options: ExcelHostOptions = {}): ExcelHost {
  const client = officeJs();
  const names = options.profile === undefined ? [] : typeof options.profile === "string" ? [options.profile] : [...options.profile];
  const minApi = names.includes("min-api");
  const profile = profileOf(names, minApi ? (options.requirementSets ?? manifestRequirementSets()) : undefined);
  const stats = emptyStats();
  const onTenderCall = options.countFunctionArguments
    ? (id: string, args: readonly unknown[]): void => {
        const bytes = utf8Bytes(JSON.stringify(args));
        stats.functionArgumentBytes[id] = (stats.functionArgumentBytes[id] ?? 0) + bytes;
        stats.functionMaxArgumentBytes[id] = Math.max(stats.functionMaxArgumentBytes[id] ?? 0, bytes);
        stats.functionCalls[id] = (stats.functionCalls[id] ?? 0) + 1;
      }
    : undefined;
  const engine = (options.createEngine ?? defaultEngine)({ ...ENGINE_CONFIG, context: { blankCellAs: profile.blankCellAs, onTenderCall } });
  const model = new WorkbookModel(engine, {
    fillsCalculatedColumns: profile.fillsCalculatedColumns,
    keepsApostropheInTextCells: profile.keepsApostropheInTextCells,
    showsBusy: profile.showsBusy,
    restoresTotalRow: profile.restoresTotalRow,
  });
  seed(model, options.sheets ?? { Sheet1: [] });

  const references = new Map<string, HostObject>();
  const unimplemented: string[] = [];
  let referenceCount = 0;
  const env: ExecutorEnv = {
    model,
    profile,
    stats,
    limits: { requestPayloadBytes: PAYLOAD_LIMIT_BYTES, responsePayloadBytes: PAYLOAD_LIMIT_BYTES, ...options.limits },
    references,
    unimplemented,
    nextReference: () => `ref${++referenceCount}`,
    log: typeof process !== "undefined" && process.env?.EXCEL_HOST_LOG ? (line) => console.log(`Excel host ${url} request ${stats.requests}: ${line}`) : undefined,
    afterChange: () => {
      if (profile.showsBusy) model.calculating = true;
    },
  };
  // Events reach the client after the request that caused them has been answered, as Excel
  // sends them: never inside a response (events.ts).
  const sendEvents = (): void => {
    const entries = model.events.take();
    if (entries.length === 0) return;
    setTimeout(() => triggerEvents(client, entries), 0);
  };
  const coauthor = new CoAuthor(model, references, env.afterChange, sendEvents);
  const url = `https://excel-host.test/${++hostCount}/`;
  const unroute = route(url, async (body) => {
    coauthor.actBeforeRequest();
    const seen = unimplemented.length;
    const response = executeRequest(body, env);
    for (const member of unimplemented.slice(seen)) noteUnimplemented(member);
    sendEvents();
    return response;
  });

  const run = (async <T>(first: Batch<T> | object | undefined, second?: Batch<T>): Promise<T> => {
    const batch = typeof first === "function" ? (first as Batch<T>) : second;
    if (typeof batch !== "function") throw new TypeError("Excel.run needs a batch function");
    stats.runs++;
    const context = new client.Excel.RequestContext(url);
    const sync = context.sync.bind(context);
    // Counted here, since a sync with nothing queued never reaches the host; Excel.run's own
    // closing sync (after the batch) is not the add-in's.
    let batchDone = false;
    context.sync = (<V>(passThrough?: V) => {
      if (!batchDone) stats.syncCalls++;
      return sync(passThrough);
    }) as typeof context.sync;
    return client.Excel.run(context, async (ctx) => {
      try {
        return await batch(ctx);
      } finally {
        batchDone = true;
      }
    });
  }) as HostRun;

  return {
    run,
    client,
    profile,
    installGlobals() {
      const contexts = client.OfficeExtension.ClientRequestContext as unknown as { defaultRequestUrlAndHeaders?: unknown };
      const before = contexts.defaultRequestUrlAndHeaders;
      contexts.defaultRequestUrlAndHeaders = { url, headers: {} };
      return () => {
        contexts.defaultRequestUrlAndHeaders = before;
      };
    },
    get stats() {
      return stats;
    },
    resetStats() {
      Object.assign(stats, emptyStats());
    },
    inspect: new WorkbookInspector(model),
    coauthor,
    finishCalculation() {
      model.calculating = false;
    },
    get unimplemented() {
      return unimplemented;
    },
    close: unroute,
  };
}

/** Hands event messages to the client's handlers, through the client's own entry for them. */
function triggerEvents(client: OfficeJsClient, entries: EventMessageEntry[]): void {
  (client.OfficeExtension as unknown as { _testTriggerRichApiMessageEvent(message: { entries: EventMessageEntry[] }): void })._testTriggerRichApiMessageEvent({ entries });
}

function seed(model: WorkbookModel, sheets: Record<string, unknown[][]>): void {
  for (const [name, rows] of Object.entries(sheets)) {
    const sheet = model.addSheet(name);
    const width = Math.max(0, ...rows.map((r) => r.length));
    if (rows.length && width) {
      const padded = rows.map((r) => [...r, ...Array<unknown>(width - r.length).fill(null)]);
      model.write(sheet, { row: 0, col: 0, rows: rows.length, cols: width }, padded, "values");
    }
  }
  if (model.sheets.length === 0) model.addSheet("Sheet1");
}
