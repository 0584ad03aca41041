/**
 * Password hashes with scrypt (node:crypto, no dependency). The string carries its parameters
 * and salt, PHC-style — `$scrypt$ln=15,r=8,p=3$<salt>$<hash>` (base64, no padding) — so the
 * defaults can be raised later: old hashes still verify and `needsRehash` says when to upgrade.
 */
import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';

/** scrypt cost: N = 2^ln, block size r, parallelism p. */
export interface ScryptParams {
  readonly ln: number;
  readonly r: number;
  readonly p: number;
}

/**
 * OWASP's scrypt row "N=2^15, r=8, p=3" (as strong as N=2^17, p=1) — chosen for its 32 MiB
 * of memory per hash instead of 128 MiB, since several sign-ins hash at once on small nodes.
 * https://cheatsheetseries.owasp.org/cheatsheets/Password_Storage_Cheat_Sheet.html#scrypt
 */
export const DEFAULT_SCRYPT_PARAMS: ScryptParams = Object.freeze({ ln: 15, r: 8, p: 3 });

const KEY_BYTES = 32;
const SALT_BYTES = 16;
const FORMAT = /^\$scrypt\$ln=(\d{1,2}),r=(\d{1,2}),p=(\d{1,2})\$([A-Za-z0-9+/]{22})\$([A-Za-z0-9+/]{43})$/;

/** Hashes `password` with a fresh random salt. */
export async function hashPassword(password: string, params: ScryptParams = DEFAULT_SCRYPT_PARAMS): Promise<string> {
  checkParams(params);
  const salt = randomBytes(SALT_BYTES);
  const key = await derive(password, salt, params);
  return `$scrypt$ln=${params.ln},r=${params.r},p=${params.p}$${b64(salt)}$${b64(key)}`;
}

/** True when `password` matches `hash` (constant-time compare); false for a malformed hash. */
export async function verifyPassword(password: string, hash: string): Promise<boolean> {
  const parsed = parseHash(hash);
  if (parsed === undefined) return false;
  const key = await derive(password, parsed.salt, parsed.params);
  return timingSafeEqual(key, parsed.key);
}

/** True when `hash` was made with other parameters than `params` (rehash after a successful sign-in). */
export function needsRehash(hash: string, params: ScryptParams = DEFAULT_SCRYPT_PARAMS): boolean {
  const parsed = parseHash(hash);
  return parsed === undefined || parsed.params.ln !== params.ln || parsed.params.r !== params.r || parsed.params.p !== params.p;
}

function parseHash(hash: string): { params: ScryptParams; salt: Buffer; key: Buffer } | undefined {
  const m = FORMAT.exec(hash);
  if (m === null) return undefined;
  const params = { ln: Number(m[1]), r: Number(m[2]), p: Number(m[3]) };
  if (!validParams(params)) return undefined;
  return { params, salt: Buffer.from(m[4]!, 'base64'), key: Buffer.from(m[5]!, 'base64') };
}

// Bounds keep a corrupted or hostile stored hash from asking for gigabytes of memory.
function validParams({ ln, r, p }: ScryptParams): boolean {
  return Number.isInteger(ln) && ln >= 1 && ln <= 20 && Number.isInteger(r) && r >= 1 && r <= 32 && Number.isInteger(p) && p >= 1 && p <= 16;
}

function checkParams(params: ScryptParams): void {
  if (!validParams(params)) throw new RangeError(`scrypt parameters out of range: ${JSON.stringify(params)}`);
}

function derive(password: string, salt: Buffer, { ln, r, p }: ScryptParams): Promise<Buffer> {
  const N = 2 ** ln;
  // NFKC: the same password typed on another keyboard or OS composes the same (NIST SP 800-63B 5.1.1.2).
  // maxmem: scrypt needs 128·N·r bytes; Node's 32 MiB default refuses N=2^15, r=8 at the boundary.
  const options: ScryptOptions = { N, r, p, maxmem: 256 * N * r + 1024 * 1024 };
  return new Promise((resolve, reject) => {
    scrypt(password.normalize('NFKC'), salt, KEY_BYTES, options, (error, key) => (error ? reject(error) : resolve(key)));
  });
}

const b64 = (bytes: Buffer): string => bytes.toString('base64').replace(/=+$/, '');
