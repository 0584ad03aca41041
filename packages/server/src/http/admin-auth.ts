/**
 * Decides `isAdmin` from `Authorization: Bearer <token>`, comparing in constant time (hashes
 * of equal length) so the token cannot be guessed byte by byte. RFC 6750 §2.1.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import { bearerToken } from './bearer.js';

/** Returns a checker for the configured token; with none configured nobody is admin. */
export function adminChecker(adminToken: string | undefined): (authorization: string | undefined) => boolean {
  if (adminToken === undefined) return () => false;
  const expected = createHash('sha256').update(adminToken).digest();
  return (authorization) => {
    const token = bearerToken(authorization);
    if (token === undefined) return false;
    return timingSafeEqual(createHash('sha256').update(token).digest(), expected);
  };
}
