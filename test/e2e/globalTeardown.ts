/** Removes the playground build the run shared (globalSetup.ts). */
import { rmSync } from "fs";
import { SHARED_BUILD_ENV } from "./harness";

export default function globalTeardown(): void {
  const dir = process.env[SHARED_BUILD_ENV];
  if (dir !== undefined) rmSync(dir, { recursive: true, force: true });
}
