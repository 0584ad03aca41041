/**
 * Member sign-in: accounts per environment, scrypt password hashes, and a lockout after
 * consecutive failures. An unknown username costs one hash like a wrong password and gets the
 * same answer, so neither the reply nor its timing tells whether the account exists.
 */
import { randomBytes } from 'node:crypto';
import { badRequest, isFhirId } from '@payerport/fhir';
import type { MemberPatientLink, MemberStore } from '@payerport/store';
import { DEFAULT_SCRYPT_PARAMS, hashPassword, needsRehash, verifyPassword, type ScryptParams } from './password-hash.js';
import { isRelationship, RELATIONSHIPS, type Relationship } from './relationships.js';
import { normalizeUsername, usernameProblem } from './usernames.js';

export interface MemberAccountsOptions {
  /** Consecutive failed sign-ins that lock the account (default 5). */
  maxFailedAttempts?: number;
  /** How long a lock lasts, in minutes (default 15). */
  lockMinutes?: number;
  /** scrypt cost for new hashes (default DEFAULT_SCRYPT_PARAMS; tests use a cheap one). */
  hashParams?: ScryptParams;
  /** Shortest password `create` accepts (default 8, NIST SP 800-63B's minimum). */
  minPasswordLength?: number;
  /** Epoch ms now (tests move it to expire locks). */
  clock?: () => number;
}

export interface MemberPatient {
  readonly patientId: string;
  readonly relationship: Relationship;
  /** The patient's name as shown to the member. */
  readonly display: string;
}

export interface NewMember {
  username: string;
  password: string;
  displayName: string;
  /** Preferred language of the pages (`en`, `es`). */
  language: string;
  patients: ReadonlyArray<{ patientId: string; relationship: Relationship; display: string }>;
}

/** A signed-in member: who they are and whose records they may share. */
export interface Member {
  readonly id: string;
  readonly username: string;
  readonly displayName: string;
  readonly language: string;
  readonly patients: readonly MemberPatient[];
}

export type VerifyResult =
  | { ok: true; member: Member }
  | { ok: false; reason: 'invalid' }
  | { ok: false; reason: 'locked'; lockedUntil: Date };

export interface MemberAccounts {
  /** Creates the member, or updates the one with this username (seeding is idempotent); returns the member id. */
  create(env: string, member: NewMember): Promise<string>;
  /** Checks a sign-in; counts failures and locks the account after too many. */
  verify(env: string, username: string, password: string): Promise<VerifyResult>;
  /** The member with this id (the OIDC `sub`), or undefined. */
  get(env: string, memberId: string): Promise<Member | undefined>;
}

// Longer inputs are refused before hashing: a megabyte "password" is an attack, not a typo.
const MAX_PASSWORD = 1024;

/** Member accounts over the store's member tables. */
export function createMemberAccounts(store: { readonly members: MemberStore }, options: MemberAccountsOptions = {}): MemberAccounts {
  const maxAttempts = positive(options.maxFailedAttempts ?? 5, 'maxFailedAttempts');
  const lockMs = positive(options.lockMinutes ?? 15, 'lockMinutes') * 60_000;
  const params = options.hashParams ?? DEFAULT_SCRYPT_PARAMS;
  const minPassword = options.minPasswordLength ?? 8;
  const clock = options.clock ?? Date.now;
  const members = store.members;
  // Hash of a random password with the current parameters: unknown usernames verify against it.
  // Made now, so that even the first unknown username costs no more than a known one.
  const dummy = hashPassword(randomBytes(16).toString('hex'), params);
  dummy.catch(() => {}); // a failure surfaces at the first `await dummy`, not as an unhandled rejection
  const failureWrite = new MovingAverage();

  const load = async (env: string, id: string, username: string, displayName: string, language: string): Promise<Member> => {
    const links = await members.patients(env, id);
    return { id, username, displayName, language, patients: links.filter(knownRelationship) };
  };

  return {
    create: async (env, input) => {
      const username = normalizeUsername(input.username);
      const problem = usernameProblem(username) ?? passwordProblem(input.password, minPassword) ?? patientsProblem(input.patients);
      if (problem !== undefined) throw badRequest(`Member '${username}': ${problem}`);
      const passwordHash = await hashPassword(input.password, params);
      return members.upsert(env, {
        username,
        passwordHash,
        displayName: input.displayName,
        language: input.language,
        patients: input.patients.map((p) => ({ patientId: p.patientId, relationship: p.relationship, display: p.display })),
      });
    },

    verify: async (env, rawUsername, password) => {
      const username = normalizeUsername(rawUsername);
      const tooLong = password.length > MAX_PASSWORD;
      const record = usernameProblem(username) === undefined ? await members.byUsername(env, username) : undefined;
      const now = clock();
      if (record !== undefined && record.lockedUntil !== undefined && record.lockedUntil > now) {
        // No hash while locked: a locked account under attack should cost nothing.
        return { ok: false, reason: 'locked', lockedUntil: new Date(record.lockedUntil) };
      }
      const hash = record === undefined || tooLong ? await dummy : record.passwordHash;
      const matches = await verifyPassword(tooLong ? '' : password, hash);
      if (record === undefined) {
        // A wrong password also writes the failure count (≈ 10 ms on PostgreSQL): wait as long.
        await sleep(failureWrite.value);
        return { ok: false, reason: 'invalid' };
      }
      if (!matches || tooLong) {
        const started = performance.now();
        const state = await members.recordFailure(env, record.id, { maxAttempts, now, lockUntil: now + lockMs });
        failureWrite.add(performance.now() - started);
        if (state.lockedUntil !== undefined && state.lockedUntil > now) {
          return { ok: false, reason: 'locked', lockedUntil: new Date(state.lockedUntil) };
        }
        return { ok: false, reason: 'invalid' };
      }
      await members.clearFailures(env, record.id);
      // Hashes made with weaker (older) parameters are upgraded while the password is at hand.
      if (needsRehash(record.passwordHash, params)) await members.setPasswordHash(env, record.id, await hashPassword(password, params));
      return { ok: true, member: await load(env, record.id, record.username, record.displayName, record.language) };
    },

    get: async (env, memberId) => {
      const record = await members.byId(env, memberId);
      return record === undefined ? undefined : load(env, record.id, record.username, record.displayName, record.language);
    },
  };
}

// A link written by hand in the database with an unknown relationship is not offered in the picker.
function knownRelationship(link: MemberPatientLink): link is MemberPatient {
  return isRelationship(link.relationship);
}

function passwordProblem(password: string, min: number): string | undefined {
  const length = [...password.normalize('NFKC')].length;
  if (length < min) return `password is shorter than ${min} characters`;
  if (password.length > MAX_PASSWORD) return `password is longer than ${MAX_PASSWORD} characters`;
  return undefined;
}

function patientsProblem(patients: NewMember['patients']): string | undefined {
  const seen = new Set<string>();
  let selves = 0;
  for (const p of patients) {
    if (!isFhirId(p.patientId)) return `'${String(p.patientId)}' is not a valid Patient id`;
    if (!isRelationship(p.relationship)) return `relationship '${String(p.relationship)}' is not one of ${RELATIONSHIPS.join(', ')}`;
    if (seen.has(p.patientId)) return `patient '${p.patientId}' is listed twice`;
    seen.add(p.patientId);
    if (p.relationship === 'self' && ++selves > 1) return "more than one patient is 'self'";
  }
  return undefined;
}

/** Exponentially weighted mean of recent durations (ms): recent database latency, not all-time. */
class MovingAverage {
  value = 0;
  #seen = false;
  add(sample: number): void {
    this.value = this.#seen ? this.value * 0.8 + sample * 0.2 : sample;
    this.#seen = true;
  }
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

function positive(value: number, name: string): number {
  if (!(value > 0) || !Number.isFinite(value)) throw new RangeError(`${name} must be a positive number`);
  return value;
}
