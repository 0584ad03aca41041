/**
 * The server's side of the audit trail: events are recorded without waiting and written in
 * batches (one transaction per flush, not one per FHIR request), at most FLUSH_MS after they
 * happened or when MAX_PENDING have queued. A failed flush is logged and its events are kept for
 * the next one (up to a bound): auditing must not fail a member's request, and must not grow
 * without limit while the database is away.
 */
import type { AuditEvent, AuditStore } from '@payerport/store';

const FLUSH_MS = 200;
const MAX_PENDING = 500;
/** Beyond this many unwritten events (database unreachable for long), the oldest are dropped and counted. */
const MAX_BACKLOG = 50_000;

export interface AuditLog {
  record(event: AuditEvent): void;
  /** Writes what is queued now (tests, shutdown). */
  flush(): Promise<void>;
  close(): Promise<void>;
}

export interface AuditLogger {
  error(obj: object, msg?: string): void;
}

export function createAuditLog(store: AuditStore, logger: AuditLogger, options: { flushMs?: number } = {}): AuditLog {
  let pending: AuditEvent[] = [];
  let timer: NodeJS.Timeout | undefined;
  let writing: Promise<void> = Promise.resolve();
  let dropped = 0;

  const flush = (): Promise<void> => {
    if (timer !== undefined) { clearTimeout(timer); timer = undefined; }
    // One flush at a time, in order: events reach the table in the order they happened.
    writing = writing.then(async () => {
      if (pending.length === 0) return;
      const batch = pending;
      pending = [];
      try {
        await store.append(batch);
      } catch (error) {
        pending = [...batch, ...pending];
        if (pending.length > MAX_BACKLOG) {
          dropped += pending.length - MAX_BACKLOG;
          pending = pending.slice(pending.length - MAX_BACKLOG);
        }
        logger.error({ err: error, queued: pending.length, dropped }, 'audit: could not write events; will retry');
        schedule();
      }
    });
    return writing;
  };

  const schedule = (): void => {
    if (timer !== undefined) return;
    timer = setTimeout(() => void flush(), options.flushMs ?? FLUSH_MS);
    timer.unref();
  };

  return {
    record: (event) => {
      pending.push(event);
      if (pending.length >= MAX_PENDING) void flush();
      else schedule();
    },
    flush,
    close: async () => {
      await flush();
      if (timer !== undefined) clearTimeout(timer);
    },
  };
}
