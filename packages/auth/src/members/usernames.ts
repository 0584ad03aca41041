/** Usernames compare case-insensitively and after Unicode normalisation, so `Alice` and `alice` are one account. */

const MAX_USERNAME = 128;
// Control characters and whitespace inside a username are almost always a paste mistake.
const FORBIDDEN = /[\p{Cc}\p{Cf}\s]/u;

/** The stored form of a username: trimmed, NFKC, lower-case. */
export function normalizeUsername(username: string): string {
  return username.trim().normalize('NFKC').toLowerCase();
}

/** Undefined when `normalized` can be an account name, else why not. */
export function usernameProblem(normalized: string): string | undefined {
  if (normalized.length === 0) return 'username is empty';
  if (normalized.length > MAX_USERNAME) return `username is longer than ${MAX_USERNAME} characters`;
  if (FORBIDDEN.test(normalized)) return 'username contains spaces or control characters';
  return undefined;
}
