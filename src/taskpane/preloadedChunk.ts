import { useEffect, useState } from "react";

/**
 * Code the pane needs soon but not before it is interactive, requested from its own chunk as
 * soon as the pane's code runs. `value` is the loading stand-in until it arrives and the
 * failure stand-in if it cannot load, so a page says why rather than fail silently.
 */
export interface PreloadedChunk<T> {
  value(): T;
  readonly arrival: Promise<T>;
  readonly loading: T;
}

export function preloadChunk<M, T>(load: () => Promise<M>, use: (module: M) => T, loading: T, failed: T): PreloadedChunk<T> {
  let current = loading;
  const arrival = load().then(
    (module) => (current = use(module)),
    () => (current = failed),
  );
  return { value: () => current, arrival, loading };
}

/** The chunk's value now, and again (one render) when it arrives. */
export function usePreloadedChunk<T>(chunk: PreloadedChunk<T>): T {
  const [value, setValue] = useState<T>(chunk.value());
  useEffect(() => {
    if (value !== chunk.loading) return;
    let mounted = true;
    void chunk.arrival.then((arrived) => {
      if (mounted) setValue(arrived);
    });
    return () => {
      mounted = false;
    };
  }, [value, chunk]);
  return value;
}
