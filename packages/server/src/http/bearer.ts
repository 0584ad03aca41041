/** The credential of an `Authorization: Bearer <token>` header, or undefined. RFC 6750 §2.1. */
export function bearerToken(authorization: string | undefined): string | undefined {
  return authorization === undefined ? undefined : /^Bearer\s+(\S+)\s*$/i.exec(authorization)?.[1];
}
