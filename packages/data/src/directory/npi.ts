/**
 * National Provider Identifiers: 10 digits, the last a Luhn check digit computed over the nine
 * base digits prefixed with the card-issuer prefix 80840 (CMS, "Requirements for NPI Check Digit",
 * https://www.cms.gov/Regulations-and-Guidance/Administrative-Simplification/NationalProvIdentStand/Downloads/NPIcheckdigit.pdf).
 */

/** The Luhn check digit for a nine-digit NPI base (a string of exactly nine digits). */
export function npiCheckDigit(base: string): number {
  if (!/^\d{9}$/.test(base)) throw new Error(`NPI base must be nine digits, got "${base}"`);
  // With the 80840 prefix the doubled positions are the base's 1st, 3rd, ... 9th digits;
  // the prefix itself always contributes 24 (CMS's shortcut).
  let sum = 24;
  for (let i = 0; i < 9; i++) {
    let d = base.charCodeAt(i) - 48;
    if (i % 2 === 0) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return (10 - (sum % 10)) % 10;
}

/** True if `npi` is ten digits, starts with 1 or 2 and carries the right check digit. */
export function isValidNpi(npi: string): boolean {
  return /^[12]\d{9}$/.test(npi) && npiCheckDigit(npi.slice(0, 9)) === npi.charCodeAt(9) - 48;
}

// Bases run over [100000000, 300000000): NPIs start with 1 or 2. The multiplier is odd and not a
// multiple of 5, hence coprime to the range size: distinct ordinals give distinct NPIs.
const RANGE = 200_000_000;
const MULTIPLIER = 48_271_813;

/** The NPI of the `ordinal`-th provider under `seed`: valid, and unique per ordinal below 200M. */
export function syntheticNpi(ordinal: number, seed: number): string {
  const o = ordinal % RANGE;
  // o * MULTIPLIER (mod RANGE) in two halves, so no product exceeds 2^53.
  const low = (o * (MULTIPLIER % 10_000)) % RANGE;
  const high = ((o * Math.floor(MULTIPLIER / 10_000)) % RANGE) * 10_000;
  const scrambled = (low + high + ((seed >>> 0) % RANGE)) % RANGE;
  const base = String(100_000_000 + scrambled);
  return base + String(npiCheckDigit(base));
}
