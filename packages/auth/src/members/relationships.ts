/**
 * Why a member may share a patient's record: their own (`self`), or as the patient's HIPAA
 * personal representative (45 CFR 164.502(g)) — parent of a minor, legal guardian, holder of a
 * health care power of attorney, or another representative the plan has on file.
 */
export const RELATIONSHIPS = ['self', 'parent', 'guardian', 'power-of-attorney', 'personal-representative'] as const;

export type Relationship = (typeof RELATIONSHIPS)[number];

/** True if `value` is one of RELATIONSHIPS. */
export function isRelationship(value: unknown): value is Relationship {
  return typeof value === 'string' && (RELATIONSHIPS as readonly string[]).includes(value);
}
