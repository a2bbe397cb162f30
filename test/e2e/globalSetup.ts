/** Builds the playground once for the whole e2e run; each file's buildPlayground() then reuses it. */
import { buildPlayground, SHARED_BUILD_ENV } from "./harness";

export default async function globalSetup(): Promise<void> {
  process.env[SHARED_BUILD_ENV] = await buildPlayground();
}
