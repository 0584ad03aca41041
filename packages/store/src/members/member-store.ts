/**
 * Member accounts and their patient links, per environment. Storage only: hashing, username
 * normalisation and the lockout policy live in @payerport/auth, which passes the results in.
 * Statements use `?` placeholders and run unchanged on SQLite and PostgreSQL.
 */
import { randomUUID } from 'node:crypto';
import type { Backend } from '../sql/backend.js';

/** One member account as stored. */
export interface MemberRecord {
  readonly id: string;
  /** As stored (normalised by the caller). */
  readonly username: string;
  /** Self-describing hash string (algorithm and parameters included). */
  readonly passwordHash: string;
  readonly displayName: string;
  /** Preferred language tag (`en`, `es`). */
  readonly language: string;
  /** Consecutive failed sign-ins since the last success or lock expiry. */
  readonly failedAttempts: number;
  /** Epoch ms the account stays locked until; undefined when never locked. */
  readonly lockedUntil: number | undefined;
  /** ISO instant. */
  readonly createdAt: string;
}

/** A patient whose record the member may share, and why. */
export interface MemberPatientLink {
  readonly patientId: string;
  /** `self`, or a personal-representative relationship (`parent`, `guardian`, …). */
  readonly relationship: string;
  /** Name shown to the member in the patient picker. */
  readonly display: string;
}

/** What `upsert` writes; the links replace any existing ones, in this order. */
export interface MemberInput {
  readonly username: string;
  readonly passwordHash: string;
  readonly displayName: string;
  readonly language: string;
  readonly patients: readonly MemberPatientLink[];
}

/** When to lock after a failure: at `maxAttempts` consecutive failures, until `lockUntil`. */
export interface FailurePolicy {
  readonly maxAttempts: number;
  /** Epoch ms now: a lock that ended before it no longer counts earlier failures. */
  readonly now: number;
  /** Epoch ms the account locks until if this failure reaches `maxAttempts`. */
  readonly lockUntil: number;
}

export interface MemberStore {
  /** Creates the member or updates the one with this username (same id); returns the id. */
  upsert(env: string, input: MemberInput): Promise<string>;
  byUsername(env: string, username: string): Promise<MemberRecord | undefined>;
  byId(env: string, id: string): Promise<MemberRecord | undefined>;
  /** The member's patient links in picker order (empty for an unknown member). */
  patients(env: string, memberId: string): Promise<MemberPatientLink[]>;
  /** Counts one failed sign-in atomically (safe against concurrent attempts) and returns the new state. */
  recordFailure(env: string, memberId: string, policy: FailurePolicy): Promise<{ failedAttempts: number; lockedUntil: number | undefined }>;
  /** Resets the failure count and lock after a successful sign-in (writes only when needed). */
  clearFailures(env: string, memberId: string): Promise<void>;
  /** Replaces the password hash (a rehash with stronger parameters, or a password change). */
  setPasswordHash(env: string, memberId: string, passwordHash: string): Promise<void>;
  /** Deletes the member and its links; false if there was none. */
  remove(env: string, memberId: string): Promise<boolean>;
}

interface MemberRow {
  id: string;
  username: string;
  password_hash: string;
  display_name: string;
  language: string;
  failed_attempts: number;
  locked_until: number | null;
  created_at: string;
}

const MEMBER_COLUMNS = 'id, username, password_hash, display_name, language, failed_attempts, locked_until, created_at';

/** The MemberStore over a backend; `envId` resolves environment names (404 FhirError if unknown). */
export function createMemberStore(backend: Backend, envId: (env: string) => Promise<number>, clock: () => number): MemberStore {
  const read = backend.reader;
  return {
    upsert: async (env, input) => {
      const e = await envId(env);
      return backend.write(async (exec) => {
        // ON CONFLICT … RETURNING: one statement for create-or-update, also under concurrent seeding.
        const row = await exec.one<{ id: string }>(
          `INSERT INTO member (env, id, username, password_hash, display_name, language, failed_attempts, created_at)
           VALUES (?, ?, ?, ?, ?, ?, 0, ?)
           ON CONFLICT (env, username) DO UPDATE SET password_hash = excluded.password_hash,
             display_name = excluded.display_name, language = excluded.language
           RETURNING id`,
          [e, randomUUID(), input.username, input.passwordHash, input.displayName, input.language, new Date(clock()).toISOString()]);
        const id = row!.id;
        await exec.run('DELETE FROM member_patient WHERE env = ? AND member_id = ?', [e, id]);
        let position = 0;
        for (const link of input.patients) {
          await exec.run(
            'INSERT INTO member_patient (env, member_id, patient_id, relationship, display, position) VALUES (?, ?, ?, ?, ?, ?)',
            [e, id, link.patientId, link.relationship, link.display, position++]);
        }
        return id;
      });
    },

    byUsername: async (env, username) => {
      const row = await read.one<MemberRow>(`SELECT ${MEMBER_COLUMNS} FROM member WHERE env = ? AND username = ?`, [await envId(env), username]);
      return row === undefined ? undefined : toRecord(row);
    },

    byId: async (env, id) => {
      const row = await read.one<MemberRow>(`SELECT ${MEMBER_COLUMNS} FROM member WHERE env = ? AND id = ?`, [await envId(env), id]);
      return row === undefined ? undefined : toRecord(row);
    },

    patients: async (env, memberId) => {
      const rows = await read.all<{ patient_id: string; relationship: string; display: string }>(
        'SELECT patient_id, relationship, display FROM member_patient WHERE env = ? AND member_id = ? ORDER BY position',
        [await envId(env), memberId]);
      return rows.map((r) => ({ patientId: r.patient_id, relationship: r.relationship, display: r.display }));
    },

    recordFailure: async (env, memberId, policy) => {
      const e = await envId(env);
      // One UPDATE reading the old row (both dialects evaluate SET against the pre-update values),
      // so two concurrent failures both count. A lock that has ended restarts the count at 1.
      const count = 'CASE WHEN locked_until <= ? THEN 1 ELSE failed_attempts + 1 END';
      const row = await backend.write((exec) => exec.one<{ failed_attempts: number; locked_until: number | null }>(
        `UPDATE member SET failed_attempts = ${count},
           locked_until = CASE WHEN ${count} >= ? THEN CAST(? AS bigint) ELSE NULL END
         WHERE env = ? AND id = ?
         RETURNING failed_attempts, locked_until`,
        [policy.now, policy.now, policy.maxAttempts, policy.lockUntil, e, memberId]));
      return { failedAttempts: row?.failed_attempts ?? 0, lockedUntil: row?.locked_until ?? undefined };
    },

    clearFailures: async (env, memberId) => {
      const e = await envId(env);
      await backend.write((exec) => exec.run(
        'UPDATE member SET failed_attempts = 0, locked_until = NULL WHERE env = ? AND id = ? AND (failed_attempts <> 0 OR locked_until IS NOT NULL)',
        [e, memberId]));
    },

    setPasswordHash: async (env, memberId, passwordHash) => {
      const e = await envId(env);
      await backend.write((exec) => exec.run('UPDATE member SET password_hash = ? WHERE env = ? AND id = ?', [passwordHash, e, memberId]));
    },

    remove: async (env, memberId) => {
      const e = await envId(env);
      return backend.write(async (exec) => {
        await exec.run('DELETE FROM member_patient WHERE env = ? AND member_id = ?', [e, memberId]);
        return (await exec.run('DELETE FROM member WHERE env = ? AND id = ?', [e, memberId])).changes > 0;
      });
    },
  };
}

function toRecord(row: MemberRow): MemberRecord {
  return {
    id: row.id,
    username: row.username,
    passwordHash: row.password_hash,
    displayName: row.display_name,
    language: row.language,
    failedAttempts: Number(row.failed_attempts),
    lockedUntil: row.locked_until === null ? undefined : Number(row.locked_until),
    createdAt: row.created_at,
  };
}
