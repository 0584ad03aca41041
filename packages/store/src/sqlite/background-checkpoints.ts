/**
 * WAL checkpoints on a second thread during bulk loads. A checkpoint copies the WAL's pages
 * into the database file and fsyncs it; run by the writer (autocheckpoint), the load waits for
 * the copy and the disk. A PASSIVE checkpoint from another connection runs beside the writer
 * and never blocks it, so the main thread only appends to the WAL. Measured on the synthetic
 * directory (bench/README.md, session 4): the gap between a load's wall time and its CPU time
 * (fsync waits) closed, ~8 % more resources per second.
 */
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';

// Plain JavaScript, so the same code runs from the sources and from the build.
const WORKER = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
const db = new Database(workerData.path);
// Never wait for the writer's lock: a PASSIVE checkpoint copies what it can and returns.
db.pragma('busy_timeout = 0');
let timer;
const tick = () => {
  try { db.pragma('wal_checkpoint(PASSIVE)'); } catch { /* busy: next tick */ }
  timer = setTimeout(tick, workerData.everyMs);
};
parentPort.on('message', () => { clearTimeout(timer); db.close(); parentPort.postMessage('stopped'); });
tick();
`;

const DRIVER = createRequire(import.meta.url).resolve('better-sqlite3');

export interface BackgroundCheckpoints {
  /** Stops the thread after its current checkpoint. */
  stop(): Promise<void>;
}

/** Starts checkpointing the database at `path` every `everyMs`; `onFailure` is called if the thread dies. */
export function startBackgroundCheckpoints(path: string, everyMs: number, onFailure: (error: Error) => void): BackgroundCheckpoints {
  const worker = new Worker(WORKER, { eval: true, workerData: { path, driver: DRIVER, everyMs } });
  let stopping = false;
  const exited = new Promise<void>((resolve) => worker.once('exit', () => resolve()));
  worker.on('error', (error) => {
    if (!stopping) onFailure(error);
  });
  return {
    stop: async () => {
      stopping = true;
      // A thread that already died has exited; one that runs closes its connection first.
      worker.postMessage('stop');
      await Promise.race([exited, new Promise<void>((resolve) => worker.once('message', () => resolve()))]);
      await worker.terminate();
    },
  };
}
