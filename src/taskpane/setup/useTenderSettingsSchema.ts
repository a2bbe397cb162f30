import { useEffect, useState } from "react";
import type { SettingsSchemaOrWhyNot } from "./setupForm";

const LOADING = { unavailable: "The settings checks are still loading: try again in a moment." } as const;
const FAILED = { unavailable: "The settings checks could not load: check the connection, then reopen the pane." } as const;

/**
 * The tender settings schema needs zod, about 24 KB gzip, more than the Set up page's own code,
 * so it comes from its own chunk: the request starts as soon as the pane's code runs, alongside
 * the first render rather than before it. Until it arrives (milliseconds, from the add-in's own
 * server) the form's fields are still read and checked; only Insert waits, and says why.
 */
let current: SettingsSchemaOrWhyNot = LOADING;
const arrival: Promise<SettingsSchemaOrWhyNot> = import(/* webpackChunkName: "tender-schema" */ "../../core/setup/tender").then(
  (module) => (current = module.tenderSettingsSchema),
  () => (current = FAILED),
);

export function useTenderSettingsSchema(): SettingsSchemaOrWhyNot {
  const [schema, setSchema] = useState<SettingsSchemaOrWhyNot>(current);
  useEffect(() => {
    if (schema !== LOADING) return;
    let mounted = true;
    void arrival.then((arrived) => {
      if (mounted) setSchema(arrived);
    });
    return () => {
      mounted = false;
    };
  }, [schema]);
  return schema;
}
