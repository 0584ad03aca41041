/**
 * A full garbage collection, at the end of start-up stages. Loading the definitions parses
 * ~40 MB of JSON and inflates every IG package; once loaded, nothing allocates fast enough for
 * V8 to collect that garbage soon, so the process would serve with ~100 MB of it resident.
 * Collecting it between stages also keeps the start-up peak down (bench/README.md, memory).
 *
 * `gc` is not exposed without `--expose-gc`, which the server cannot count on being started
 * with: setting the flag at run time exposes it to contexts created afterwards.
 */
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

let gc: (() => void) | null | undefined;

/** Collects now; does nothing where the runtime would not expose `gc` (only memory is at stake). */
export function collectGarbage(): void {
  if (gc === undefined) {
    setFlagsFromString('--expose-gc');
    // Evaluated in a fresh context, where the flag just set applies; a bare `gc` would throw if it did not.
    const exposed: unknown = runInNewContext('typeof gc === "function" ? gc : null');
    gc = typeof exposed === 'function' ? (exposed as () => void) : null;
  }
  gc?.();
}
