import { preloadChunk, usePreloadedChunk } from "../preloadedChunk";
import type { SettingsSchemaOrWhyNot } from "./setupForm";

/**
 * The tender settings schema needs zod, about 24 KB gzip, more than the Set up page's own code,
 * so it comes from its own chunk: the request starts as soon as the pane's code runs, alongside
 * the first render rather than before it. Until it arrives (milliseconds, from the add-in's own
 * server) the form's fields are still read and checked; only Insert waits, and says why.
 */
const SCHEMA = preloadChunk<typeof import("../../core/setup/tender"), SettingsSchemaOrWhyNot>(
  () => import(/* webpackChunkName: "tender-schema" */ "../../core/setup/tender"),
  (module) => module.tenderSettingsSchema,
  { unavailable: "The settings checks are still loading: try again in a moment." },
  { unavailable: "The settings checks could not load: check the connection, then reopen the pane." },
);

export function useTenderSettingsSchema(): SettingsSchemaOrWhyNot {
  return usePreloadedChunk(SCHEMA);
}
