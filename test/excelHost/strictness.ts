/**
 * The host never lets an unimplemented member pass: the request fails with NotImplemented, and
 * the member is noted here so the test fails too, even if the add-in caught the error and showed
 * a polite message. jest checks after every test (test/support/excelHostStrict.ts); in the
 * playground the member is logged as an error, which the end-to-end tests treat as a failure.
 */
const noted: string[] = [];

export function noteUnimplemented(member: string): void {
  noted.push(member);
  if (typeof (globalThis as { afterEach?: unknown }).afterEach !== "function") console.error(`Excel host: ${member} is not implemented`);
}

/** Members noted since the last call, cleared. */
export function takeUnimplemented(): string[] {
  return noted.splice(0, noted.length);
}
