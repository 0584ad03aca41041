/** What every write needs: the transaction's executor, the environment and the indexing seams. */
import type { Indexer } from '@payerport/fhir';
import type { SqlExecutor } from '../sql/executor.js';

export interface WriteContext {
  readonly exec: SqlExecutor;
  readonly envId: number;
  readonly indexer: Indexer;
  paramId(resourceType: string, code: string): number | undefined;
  /** Epoch ms now. */
  clock(): number;
}

/** lastUpdated of a new version: now, but strictly after the previous version even within one ms. */
export function nextInstantMs(ctx: WriteContext, previousMs: number | undefined): number {
  const now = ctx.clock();
  return previousMs === undefined || now > previousMs ? now : previousMs + 1;
}
