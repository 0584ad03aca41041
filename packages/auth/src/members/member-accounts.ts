/**
 * Member accounts as the sign-in step needs them. PLACEHOLDER: an in-memory directory with
 * scrypt-hashed passwords, behind the function names of the member account store being built
 * on branch `members-pages` (persistent, with lockout); that one replaces this file on merge.
 */
import { randomUUID } from 'node:crypto';
import type { Store } from '@payerport/store';
import { hashSecret, verifySecret } from '../secrets/secret-hash.js';

export interface MemberPatient {
  /** FHIR id of the Patient resource. */
  readonly patientId: string;
  /** Name shown on the patient picker. */
  readonly display: string;
  /** 'self', 'child', 'spouse', … — who this patient is to the member. */
  readonly relationship: string;
}

export interface Member {
  readonly id: string;
  readonly username: string;
  readonly patients: readonly MemberPatient[];
}

export type VerifyResult =
  | { ok: true; member: Member }
  | { ok: false; reason: 'invalid' | 'locked'; lockedUntil?: string };

export interface MemberAccounts {
  verify(env: string, username: string, password: string): Promise<VerifyResult>;
  find(env: string, memberId: string): Promise<Member | undefined>;
  create(env: string, input: { username: string; password: string; patients: readonly MemberPatient[] }): Promise<Member>;
}

/** The placeholder directory (`store` is unused until the persistent one lands). */
export function createMemberAccounts(_store?: Store): MemberAccounts {
  const byName = new Map<string, { member: Member; hash: string }>();
  const key = (env: string, username: string): string => `${env}\u0000${username.toLowerCase()}`;
  // A hash to compare against when the user does not exist, so both cases take the same time.
  const dummy = hashSecret(randomUUID());
  return {
    async verify(env, username, password) {
      const entry = byName.get(key(env, username));
      const ok = await verifySecret(password, entry?.hash ?? await dummy);
      return ok && entry !== undefined ? { ok: true, member: entry.member } : { ok: false, reason: 'invalid' };
    },
    async find(env, memberId) {
      for (const [k, entry] of byName) if (k.startsWith(`${env}\u0000`) && entry.member.id === memberId) return entry.member;
      return undefined;
    },
    async create(env, input) {
      if (byName.has(key(env, input.username))) throw new Error(`Member ${input.username} already exists in ${env}`);
      const member: Member = Object.freeze({ id: randomUUID(), username: input.username, patients: Object.freeze([...input.patients]) });
      byName.set(key(env, input.username), { member, hash: await hashSecret(input.password) });
      return member;
    },
  };
}
