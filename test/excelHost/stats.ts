/**
 * What a host counts, for tests and the bench: the add-in's Excel.run calls and syncs, the
 * requests that reached Excel with their real sizes (the JSON the client sent and the JSON the
 * host answered, in UTF-8 bytes), and two costs the add-in must keep low.
 */
export interface HostStats {
  /** Excel.run calls made through the host's `run`. */
  runs: number;
  /** context.sync() calls made by the code under test (an empty one sends nothing). */
  syncCalls: number;
  /** Requests that reached the host. */
  requests: number;
  /** Bytes of each request body, in order, as the client serialized it. */
  requestBytes: number[];
  maxRequestBytes: number;
  /** Bytes of each response body, in order. */
  responseBytes: number[];
  maxResponseBytes: number;
  /** TableRowCollection.add calls: the add-in must write rows in bulk, not add them one by one. */
  tableRowAddCalls: number;
  /** application.suspendApiCalculationUntilNextSync() calls. */
  calculationSuspensions: number;
  /** Every Office.js member the add-in reached ("Table.resize"), for the requirement sets it needs. */
  membersUsed: Set<string>;
  /**
   * With the host option `countFunctionArguments`: per TENDER function id, the UTF-8 bytes of
   * the arguments Excel would marshal to the add-in's runtime (their JSON), summed over every
   * call. Excel batches these with a 5 MB payload limit (office-js #4654).
   */
  functionArgumentBytes: Record<string, number>;
  /** With `countFunctionArguments`: calls per TENDER function id. */
  functionCalls: Record<string, number>;
  /** With `countFunctionArguments`: the largest one call's argument bytes, per TENDER function id. */
  functionMaxArgumentBytes: Record<string, number>;
}

export function emptyStats(): HostStats {
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
    membersUsed: new Set<string>(),
    functionArgumentBytes: {},
    functionCalls: {},
    functionMaxArgumentBytes: {},
  };
}

/** UTF-8 length of a string, without building a byte array of a large one. */
export function utf8Bytes(text: string): number {
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
