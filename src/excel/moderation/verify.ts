/**
 * Verify in the workbook: read everything the record covers, and compare it with the record as
 * signed (src/core/moderation/verifyRecord.ts says how).
 */
import type { ExcelRun, OperationOptions } from "../shared/excelRun";
import { readModerationSnapshot } from "./readSnapshot";
import { EVERYTHING, verifyRecord, type VerifyResult } from "../../core";

export async function verify(run: ExcelRun, options: OperationOptions = {}): Promise<VerifyResult> {
  return verifyRecord(await readModerationSnapshot(run, EVERYTHING, options));
}
