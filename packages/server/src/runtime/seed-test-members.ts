/**
 * The sandbox's test member accounts (the sign-ins `GET /api/sandbox/test-members` lists): each
 * with their own Patient as `self` and the people they represent (a parent's child, a
 * caregiver's mother), created or updated by username, so seeding again changes nothing.
 *
 * Their hashes use cheaper scrypt parameters than member accounts do (2^12 instead of 2^15·3,
 * ~10 ms instead of ~270 ms): these passwords are published in the README and by the API, so a
 * slow hash protects nothing here, while twelve slow hashes would add seconds to every
 * `npm start` and test run. A member's first sign-in upgrades the hash to the full cost anyway.
 */
import { createMemberAccounts, type NewMember, type Relationship, type ScryptParams } from '@payerport/auth';
import { SANDBOX_MEMBERS, syntheticMembers, type MemberOptions, type Representation } from '@payerport/data';
import type { MemberStore } from '@payerport/store';

export const SANDBOX_PASSWORD_PARAMS: ScryptParams = Object.freeze({ ln: 12, r: 8, p: 1 });

// A caregiver in the stories holds the member's healthcare power of attorney.
const RELATIONSHIP: Record<Representation, Relationship> = { parent: 'parent', caregiver: 'power-of-attorney' };

/** The accounts to create, from the synthetic members (names as on their Patient resources). */
export function testMemberAccounts(options: MemberOptions = SANDBOX_MEMBERS): NewMember[] {
  const { members, resources } = syntheticMembers(options);
  const names = new Map<string, string>();
  for (const r of resources) {
    const name = (r as { resourceType?: string; id?: string; name?: { text?: string }[] });
    if (name.resourceType === 'Patient' && typeof name.id === 'string') names.set(name.id, name.name?.[0]?.text ?? name.id);
  }
  const display = (patient: string): string => names.get(patient) ?? patient;
  return members.map((m) => ({
    username: m.username,
    password: m.password,
    displayName: display(m.patient),
    language: m.language,
    patients: [
      { patientId: m.patient, relationship: 'self' as const, display: display(m.patient) },
      ...(m.represents ?? []).map((r) => ({ patientId: r.patient, relationship: RELATIONSHIP[r.relationship], display: display(r.patient) })),
    ],
  }));
}

/** Creates or updates the test member accounts in `env` (hashed in parallel); returns how many. */
export async function seedTestMembers(store: { readonly members: MemberStore }, env = 'sandbox', options: MemberOptions = SANDBOX_MEMBERS): Promise<number> {
  const accounts = createMemberAccounts(store, { hashParams: SANDBOX_PASSWORD_PARAMS });
  const members = testMemberAccounts(options);
  await Promise.all(members.map((m) => accounts.create(env, m)));
  return members.length;
}
