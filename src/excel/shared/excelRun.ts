import { RefusalError } from "./refusal";
/**
 * The one way the Excel layer reaches the workbook: an `Excel.run`-shaped function, injected
 * so that tests and the playground pass the test Excel host and the pane passes the real one.
 */
export type ExcelRun = <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;

/** Progress of a long operation, for the pane's progress bar. */
export interface Progress {
  /** 0..1 */
  fraction: number;
  message: string;
}

export interface OperationOptions {
  /** Cancel before the workbook is changed; an operation never stops half-written. */
  signal?: AbortSignal;
  onProgress?: (p: Progress) => void;
}

/** Thrown when the user cancels; nothing was written. */
export class CancelledError extends RefusalError {
  constructor() {
    super("Cancelled: nothing was changed in the workbook.");
    this.name = "CancelledError";
  }
}

export function throwIfCancelled(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw new CancelledError();
}
