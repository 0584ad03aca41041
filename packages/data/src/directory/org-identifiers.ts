/**
 * Identifiers of provider organizations. Every organization gets its own NPI ordinal (odd
 * numbers; practitioners use even ones), interleaved by kind so that growing one kind never
 * renumbers another.
 */
import { syntheticNpi } from './npi.js';

const KINDS = { hospital: 0, clinic: 1, labCompany: 2, pharmacyChain: 3, mailOrder: 4 } as const;

/** The NPI of organization `index` of `kind`. */
export function organizationNpi(kind: keyof typeof KINDS, index: number, seed: number): string {
  const ordinal = index * 5 + KINDS[kind];
  return syntheticNpi(2 * ordinal + 1, seed);
}

/** A CLIA number in Hawaii's format ("12D" and seven digits). */
export function cliaNumber(index: number): string {
  return `12D${String((645_892 + 385_283 * index) % 10_000_000).padStart(7, '0')}`;
}
