/**
 * Client secrets are stored only as scrypt hashes (RFC 7914, node:crypto): a database leak
 * gives no usable credential. Format: `scrypt$N$r$p$salt$hash` (base64url), so the cost can be
 * raised later without invalidating existing hashes.
 */
import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';

const N = 16384;
const R = 8;
const P = 1;
const KEY_LENGTH = 32;
// Refuse absurd parameters from a tampered row rather than burn memory on them.
const MAX_N = 1 << 20;

function derive(secret: string, salt: Buffer, options: ScryptOptions): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    scrypt(secret, salt, KEY_LENGTH, { ...options, maxmem: 256 * options.N! * options.r! }, (error, key) => (error ? reject(error) : resolve(key)));
  });
}

/** A new random client secret (256 bits, base64url). Shown once; only its hash is stored. */
export function newClientSecret(): string {
  return randomBytes(32).toString('base64url');
}

/** Hashes `secret` with a fresh salt. */
export async function hashSecret(secret: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await derive(secret, salt, { N, r: R, p: P });
  return `scrypt$${N}$${R}$${P}$${salt.toString('base64url')}$${key.toString('base64url')}`;
}

/** True when `secret` matches `hash` (constant-time comparison); false for anything malformed. */
export async function verifySecret(secret: unknown, hash: unknown): Promise<boolean> {
  if (typeof secret !== 'string' || secret === '' || typeof hash !== 'string') return false;
  const parts = hash.split('$');
  if (parts.length !== 6 || parts[0] !== 'scrypt') return false;
  const [n, r, p] = [Number(parts[1]), Number(parts[2]), Number(parts[3])];
  if (![n, r, p].every(Number.isSafeInteger) || n < 2 || n > MAX_N || r < 1 || r > 32 || p < 1 || p > 16) return false;
  const expected = Buffer.from(parts[5]!, 'base64url');
  if (expected.length !== KEY_LENGTH) return false;
  const actual = await derive(secret, Buffer.from(parts[4]!, 'base64url'), { N: n, r, p });
  return timingSafeEqual(actual, expected);
}
