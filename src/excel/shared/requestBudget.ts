/**
 * The one request budget of the Excel layer. Excel on the web refuses a request, or a response,
 * over 5 MB (Microsoft, "Resource limits and performance optimization for Office Add-ins"), so
 * every step that reads or writes much splits its work into requests under MAX_REQUEST_BYTES.
 *
 * What a command costs is what Microsoft's Excel JavaScript client serializes for it, measured on
 * that client by test/excel/shared/requestBudget.test.ts rather than guessed per module: each
 * command spells out its object paths and action (about 450 bytes once a request holds a thousand
 * commands, because the ids grow), then its data as JSON in UTF-8. Every command also costs its
 * response a little, loaded or not.
 */
import { throwIfCancelled } from "./excelRun";

/** Our ceiling per request and per response: under Excel on the web's 5 MB, with room to spare. */
export const MAX_REQUEST_BYTES = 4 * 1024 * 1024;

/** Request bytes of one command besides its data (measured: see the module comment). */
export const COMMAND_BYTES = {
  /** A range got by address or indexes, with values or formulas set (then add the data). */
  write: 500,
  /** A range got by address or indexes, with values (and formulas) loaded. */
  read: 500,
  /** A fill colour set or cleared on a range: range, format, fill and the property. */
  fill: 900,
  /** A guard: Range.find over a row's key cells (write plans, see applyWritePlan.ts). */
  find: 900,
  /** Any other small command: a resize, a visibility, a name added, a sheet protected. */
  other: 1000,
} as const;

/** Response bytes every command brings back besides loaded data (measured 140 to 230). */
export const RESPONSE_BYTES_PER_COMMAND = 250;

/**
 * Response bytes of one loaded cell, by what the table holds: numbers and short codes, or free
 * text (answers, comments, rationales), or a cell read with both its value and its formula.
 */
export const RESPONSE_CELL_BYTES = { short: 40, text: 400, valueAndFormula: 120 } as const;

const encoder = new TextEncoder();

/** UTF-8 bytes of a value as JSON, as the client sends it ("€" and "—" are three bytes each). */
export function jsonBytes(value: unknown): number {
  return encoder.encode(JSON.stringify(value) ?? "").length;
}

/** Request bytes of writing these values to one range. */
export function writeBytes(values: unknown): number {
  return COMMAND_BYTES.write + jsonBytes(values);
}

/** Rows split into consecutive chunks whose JSON stays under `maxBytes`: one range write each. */
export function chunkRows<T>(rows: readonly T[], maxBytes: number): T[][] {
  const chunks: T[][] = [];
  let current: T[] = [];
  let size = 2;
  for (const row of rows) {
    const bytes = jsonBytes(row) + 1;
    if (current.length > 0 && size + bytes > maxBytes) {
      chunks.push(current);
      current = [];
      size = 2;
    }
    current.push(row);
    size += bytes;
  }
  if (current.length > 0 || chunks.length === 0) chunks.push(current);
  return chunks;
}

export interface RequestBudgetOptions {
  /** Checked before each request: a cancelled read stops between requests (give none for writes). */
  signal?: AbortSignal;
  /** For tests of the splitting itself. */
  maxBytes?: number;
}

/**
 * A block of rows read through a budget: `load(offset, rows)` queues the read of `rows` rows from
 * `offset` (0-based within the block) and returns the range; `deliver` takes their values.
 */
export interface BlockRead {
  readonly rows: number;
  load(offset: number, rows: number): Excel.Range;
  deliver(offset: number, values: unknown[][]): void;
}

/** Excel refused to send a response over its size limit (the commands ran; nothing loaded arrived). */
function responseTooLarge(error: unknown): boolean {
  return (error as { code?: unknown }).code === "ResponsePayloadSizeLimitExceeded";
}

/**
 * Splits one Excel.run's commands into requests under the budget. Call `room(request, response)`
 * before queuing each command: when that command would take the request or its response past
 * the budget, what is queued is sent first. Loads register `onSync` to take their values once
 * the request that carries them has come back; `finish` sends the rest.
 */
export class RequestBudget {
  /** Requests sent through this budget. */
  syncs = 0;
  private requestBytes = 0;
  private responseBytes = 0;
  private queued = 0;
  private deliveries: (() => void)[] = [];
  private reads: { block: BlockRead; range: Excel.Range }[] = [];
  private readonly maxBytes: number;

  constructor(
    private readonly context: Excel.RequestContext,
    private readonly options: RequestBudgetOptions = {}
  ) {
    this.maxBytes = options.maxBytes ?? MAX_REQUEST_BYTES;
  }

  async room(requestBytes: number, responseBytes: number = RESPONSE_BYTES_PER_COMMAND): Promise<void> {
    if (this.queued > 0 && (this.requestBytes + requestBytes > this.maxBytes || this.responseBytes + responseBytes > this.maxBytes)) await this.send();
    this.requestBytes += requestBytes;
    this.responseBytes += responseBytes;
    this.queued++;
  }

  /**
   * Queues a block read whose response is estimated at `responseBytes`. Text can be far longer
   * than any estimate (a written answer runs to 32,767 characters), so if Excel refuses the
   * response as too large, the reads of that request are made again in halves until each
   * response fits: reads change nothing, so reading again is safe.
   */
  async read(block: BlockRead, responseBytes: number): Promise<void> {
    if (block.rows <= 0) return;
    await this.room(COMMAND_BYTES.read, responseBytes);
    this.reads.push({ block, range: block.load(0, block.rows) });
  }

  /** Runs after the request now being queued has come back (its loads are then readable). */
  onSync(deliver: () => void): void {
    this.deliveries.push(deliver);
  }

  /** Sends what is queued, if anything. */
  async finish(): Promise<void> {
    if (this.queued > 0 || this.deliveries.length > 0 || this.reads.length > 0) await this.send();
  }

  private async send(): Promise<void> {
    throwIfCancelled(this.options.signal);
    const reads = this.reads.splice(0);
    const deliveries = this.deliveries.splice(0);
    this.requestBytes = 0;
    this.responseBytes = 0;
    this.queued = 0;
    try {
      await this.context.sync();
      this.syncs++;
    } catch (error) {
      // Only a request of nothing but block reads can be read again: other loads were queued
      // once and cannot be.
      if (!responseTooLarge(error) || reads.length === 0 || deliveries.length > 0) throw error;
      this.syncs++;
      for (const r of reads) await this.readInHalves(r.block, 0, r.block.rows);
      return;
    }
    for (const r of reads) r.block.deliver(0, r.range.values);
    for (const deliver of deliveries) deliver();
  }

  private async readInHalves(block: BlockRead, offset: number, rows: number): Promise<void> {
    const half = Math.ceil(rows / 2);
    for (const [from, count] of rows > 1 ? [[offset, half], [offset + half, rows - half]] : [[offset, rows]]) {
      throwIfCancelled(this.options.signal);
      const range = block.load(from as number, count as number);
      try {
        await this.context.sync();
        this.syncs++;
      } catch (error) {
        this.syncs++;
        if (!responseTooLarge(error) || count === 1) throw error;
        await this.readInHalves(block, from as number, count as number);
        continue;
      }
      block.deliver(from as number, range.values);
    }
  }
}

/**
 * Consecutive items packed into parts under `maxBytes` ([from, to) index pairs), for work
 * planned before it is queued (a part's rows are written as one range). An item larger than
 * the budget gets a part of its own.
 */
export function packParts(count: number, bytesOf: (index: number) => number, maxBytes: number = MAX_REQUEST_BYTES): [number, number][] {
  const parts: [number, number][] = [];
  let from = 0;
  let bytes = 0;
  for (let i = 0; i < count; i++) {
    const cost = bytesOf(i);
    if (i > from && bytes + cost > maxBytes) {
      parts.push([from, i]);
      from = i;
      bytes = 0;
    }
    bytes += cost;
  }
  parts.push([from, count]);
  return parts;
}
