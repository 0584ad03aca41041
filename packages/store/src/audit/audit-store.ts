/**
 * Appending audit events and reading them back (the trail of a patient, the annual metrics).
 * Appends come in batches from the server's buffer: one transaction per batch, not per request.
 */
import { chunkSizes, valueTuples } from '../sql/batches.js';
import type { SqlExecutor } from '../sql/executor.js';

/** What happened, in a few fixed kinds; `action` says more (`token:refresh_token`, `fhir:search ExplanationOfBenefit`). */
export type AuditKind = 'authorization' | 'token' | 'revocation' | 'fhir' | 'fhir-public';

export interface AuditEvent {
  readonly env: string;
  readonly atMs: number;
  readonly kind: AuditKind;
  readonly action: string;
  /** `success`, or `failure` followed by the error code (`failure:invalid_grant`, `failure:403`). */
  readonly outcome: string;
  readonly clientId?: string | undefined;
  /** The signed-in member (account subject), never a credential. */
  readonly member?: string | undefined;
  readonly patient?: string | undefined;
  readonly grantId?: string | undefined;
  readonly detail?: string | undefined;
}

export interface StoredAuditEvent extends AuditEvent {
  readonly eventId: number;
}

/** The two CMS-0057-F Patient Access figures for one period (42 CFR 422.119(f)(3) and siblings). */
export interface PatientAccessMetrics {
  /** Unique patients whose data an app they authorized retrieved in the period. */
  readonly patientsTransferred: number;
  /** Of those, patients whose data was retrieved on more than one day. */
  readonly patientsTransferredMoreThanOnce: number;
}

export interface AuditStore {
  append(events: readonly AuditEvent[]): Promise<void>;
  /** A patient's trail, newest first. */
  forPatient(env: string, patient: string, limit: number): Promise<StoredAuditEvent[]>;
  patientAccessMetrics(env: string, fromMs: number, toMs: number): Promise<PatientAccessMetrics>;
}

const COLUMNS = 'env, at_ms, kind, action, outcome, client_id, member, patient, grant_id, detail';
const WIDTH = 10;
const ROWS_PER_INSERT = 64;
const DAY_MS = 86_400_000;

interface Row {
  event_id: number | string; at_ms: number | string; kind: string; action: string; outcome: string;
  client_id: string | null; member: string | null; patient: string | null; grant_id: string | null; detail: string | null;
}

export function auditStore(deps: {
  reader: SqlExecutor;
  write: <T>(fn: (exec: SqlExecutor) => Promise<T>) => Promise<T>;
  envId: (name: string) => number | Promise<number>;
}): AuditStore {
  return {
    append: async (events) => {
      if (events.length === 0) return;
      const params: unknown[] = [];
      for (const e of events) {
        params.push(await deps.envId(e.env), e.atMs, e.kind, e.action, e.outcome, e.clientId ?? null, e.member ?? null, e.patient ?? null, e.grantId ?? null, e.detail ?? null);
      }
      await deps.write(async (exec) => {
        let offset = 0;
        for (const size of chunkSizes(events.length, ROWS_PER_INSERT)) {
          await exec.run(`INSERT INTO audit_event (${COLUMNS}) VALUES ${valueTuples(size, WIDTH)}`, params.slice(offset * WIDTH, (offset + size) * WIDTH));
          offset += size;
        }
      });
    },

    forPatient: async (env, patient, limit) => {
      const rows = await deps.reader.all<Row>(
        `SELECT event_id, ${COLUMNS} FROM audit_event WHERE env = ? AND patient = ? ORDER BY at_ms DESC, event_id DESC LIMIT ?`,
        [await deps.envId(env), patient, limit],
      );
      return rows.map((r) => ({
        eventId: Number(r.event_id), env, atMs: Number(r.at_ms), kind: r.kind as AuditKind, action: r.action, outcome: r.outcome,
        clientId: r.client_id ?? undefined, member: r.member ?? undefined, patient: r.patient ?? undefined, grantId: r.grant_id ?? undefined, detail: r.detail ?? undefined,
      }));
    },

    patientAccessMetrics: async (env, fromMs, toMs) => {
      // A transfer = a successful FHIR request made with a patient's token; days are UTC days.
      // Integer division of epoch ms gives the day in both dialects (bigint / bigint truncates).
      const rows = await deps.reader.all<{ transferred: number | string; repeated: number | string }>(
        `SELECT COUNT(*) AS transferred, COALESCE(SUM(CASE WHEN days > 1 THEN 1 ELSE 0 END), 0) AS repeated FROM (
           SELECT patient, COUNT(DISTINCT at_ms / ${DAY_MS}) AS days FROM audit_event
           WHERE env = ? AND kind = 'fhir' AND outcome = 'success' AND patient IS NOT NULL AND at_ms >= ? AND at_ms < ?
           GROUP BY patient) per_patient`,
        [await deps.envId(env), fromMs, toMs],
      );
      const row = rows[0];
      return { patientsTransferred: Number(row?.transferred ?? 0), patientsTransferredMoreThanOnce: Number(row?.repeated ?? 0) };
    },
  };
}
