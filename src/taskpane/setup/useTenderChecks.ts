import { preloadChunk, usePreloadedChunk } from "../preloadedChunk";
import type * as LiveChecks from "./liveChecks";

/**
 * The live checks of the settings (core tenderChecks.ts) bring the whole findings catalogue with
 * them, every message the add-in can give, and the threshold verdict the statutory thresholds by
 * date: together about as much as the rest of the Set up page. They come from their own chunk,
 * requested as soon as the pane's code runs, so the page is interactive first. Until they arrive
 * (milliseconds, from the add-in's own server) the Checks say they are loading and Insert waits,
 * saying why; a failure to load is said, never silent.
 */
type Loaded = { readonly live: typeof LiveChecks } | { readonly unavailable: string };

const LIVE_CHECKS = preloadChunk<typeof LiveChecks, Loaded>(
  () => import(/* webpackChunkName: "tender-checks" */ "./liveChecks"),
  (module) => ({ live: module }),
  { unavailable: "The settings checks are still loading: try again in a moment." },
  { unavailable: "The settings checks could not load: check the connection, then reopen the pane." },
);

export function useTenderChecks(): Loaded {
  return usePreloadedChunk(LIVE_CHECKS);
}
