/**
 * `context.sync()`: the queued commands go to the host as one request and run there in order.
 *
 * What Excel does with a request, and the fake with it:
 * - The commands run in the order they were queued. When one fails, the sync rejects with its
 *   error and the commands after it are not run; the ones before it have taken effect (there is
 *   no rollback). OfficeExtension.Error's documentation: "All other commands after the failed
 *   command in the batch are not executed." Loads in a failed request deliver nothing.
 * - A sync with nothing queued sends no request (Office.js returns at once).
 * - Excel on the web refuses a request whose payload is over 5 MB with
 *   RequestPayloadSizeLimitExceeded, before running any of it; a response over the limit fails
 *   with ResponsePayloadSizeLimitExceeded (the commands have then run, but nothing loaded
 *   arrives). Desktop Excel has no such limit; the fake applies it everywhere, since the add-in
 *   must work on the web.
 *
 * Payload estimate (Office.js does not expose the real figure): for every command, its
 * arguments as JSON (for `range.values = …`, the array) in UTF-8 bytes, plus
 * ACTION_OVERHEAD_BYTES for the action's envelope (object path, action type, property name,
 * which Office.js spells out per action). A response counts the JSON of every loaded value.
 */
import { FakeOfficeError, excelError } from "./errors";
import type { ClientObject, Command, Execution } from "./clientObject";
import type { WorkbookModel } from "./workbookModel";
import { FakeWorkbook } from "./workbook";

/** 5 MB, the request and response limit for Excel on the web (resource limits article). */
export const PAYLOAD_LIMIT_BYTES = 5 * 1024 * 1024;
/** The JSON envelope of one action in an Office.js request, roughly. */
export const ACTION_OVERHEAD_BYTES = 64;

export interface FakeExcelStats {
  /** Excel.run calls. */
  runs: number;
  /** context.sync() calls made by the code under test. */
  syncCalls: number;
  /** Requests actually sent: syncs with something queued, and Excel.run's closing sync. */
  requests: number;
  /** Estimated payload of each request, in bytes, in order. */
  requestBytes: number[];
  maxRequestBytes: number;
  responseBytes: number[];
  maxResponseBytes: number;
  /** TableRowCollection.add calls: the add-in must write rows in bulk, not add them one by one. */
  tableRowAddCalls: number;
  /** application.suspendApiCalculationUntilNextSync() calls. */
  calculationSuspensions: number;
}

export function emptyStats(): FakeExcelStats {
  return {
    runs: 0,
    syncCalls: 0,
    requests: 0,
    requestBytes: [],
    maxRequestBytes: 0,
    responseBytes: [],
    maxResponseBytes: 0,
    tableRowAddCalls: 0,
    calculationSuspensions: 0,
  };
}

export interface FakeExcelLimits {
  requestPayloadBytes: number;
  responsePayloadBytes: number;
}

/** The host side shared by every Excel.run: the workbook, the limits, the counters. */
export interface Session {
  readonly model: WorkbookModel;
  readonly limits: FakeExcelLimits;
  readonly stats: FakeExcelStats;
}

/** UTF-8 length of a value's JSON, without building a second copy of a large string. */
export function jsonBytes(value: unknown): number {
  const text = JSON.stringify(value) ?? "";
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) bytes += 1;
    else if (code < 0x800) bytes += 2;
    else if (code >= 0xd800 && code <= 0xdbff) {
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes;
}

export function commandBytes(command: Command): number {
  return ACTION_OVERHEAD_BYTES + jsonBytes(command.args);
}

export class FakeRequestContext {
  readonly workbook: FakeWorkbook;
  private queue: Command[] = [];
  private found: Set<ClientObject<unknown>> | undefined;

  constructor(readonly session: Session) {
    this.workbook = new FakeWorkbook(this);
  }

  get application(): FakeWorkbook["application"] {
    return this.workbook.application;
  }

  enqueue(command: Command): void {
    this.queue.push(command);
  }

  /** Called by proxies found while a request runs, so their isNullObject settles if it succeeds. */
  noteFound(proxy: ClientObject<unknown>): void {
    this.found?.add(proxy);
  }

  async sync<T>(passThroughValue?: T): Promise<T> {
    this.session.stats.syncCalls++;
    await this.send();
    return passThroughValue as T;
  }

  /** Sends what is queued as one request (nothing at all when the queue is empty). */
  async send(): Promise<void> {
    const commands = this.queue;
    this.queue = [];
    if (commands.length === 0) return;
    await Promise.resolve(); // a round trip is asynchronous: code after sync() runs later
    this.execute(commands);
  }

  private execute(commands: Command[]): void {
    const { model, limits, stats } = this.session;
    const bytes = commands.reduce((sum, c) => sum + commandBytes(c), 0);
    stats.requests++;
    stats.requestBytes.push(bytes);
    stats.maxRequestBytes = Math.max(stats.maxRequestBytes, bytes);
    if (bytes > limits.requestPayloadBytes) {
      throw excelError("RequestPayloadSizeLimitExceeded", `this request is about ${bytes} bytes; the limit is ${limits.requestPayloadBytes}`);
    }
    let responseBytes = 0;
    const deliveries: (() => void)[] = [];
    const execution: Execution = {
      deliver: (value, apply) => {
        responseBytes += jsonBytes(value);
        deliveries.push(apply);
      },
    };
    const found = new Set<ClientObject<unknown>>();
    this.found = found;
    try {
      for (const command of commands) {
        try {
          command.run(execution);
        } catch (e) {
          throw e instanceof FakeOfficeError ? e.at(command.location) : e;
        }
      }
      model.refreshFormulas();
    } finally {
      this.found = undefined;
      stats.responseBytes.push(responseBytes);
      stats.maxResponseBytes = Math.max(stats.maxResponseBytes, responseBytes);
    }
    if (responseBytes > limits.responsePayloadBytes) {
      throw excelError("ResponsePayloadSizeLimitExceeded", `this response is about ${responseBytes} bytes; the limit is ${limits.responsePayloadBytes}`);
    }
    for (const apply of deliveries) apply();
    for (const proxy of found) proxy.settle();
  }
}
