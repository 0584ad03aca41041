/**
 * Keys of one environment's authorization server, kept in the database so every node signs
 * with the same key and a restart keeps them: an RS256 key signs id_tokens (published in the
 * JWKS), an `oct` key signs cookies. Created on first start; `rotateSigningKey` adds a new
 * signing key and retires the old ones, which stay published for a day so id_tokens issued just
 * before still verify. Nodes pick up a rotation when they restart.
 */
import { generateKeyPair, randomBytes, randomUUID, type JsonWebKey } from 'node:crypto';
import type { Store } from '@payerport/store';

/** How long a retired signing key stays in the JWKS (id_tokens live an hour). */
const PUBLISH_RETIRED_MS = 24 * 60 * 60 * 1000;

export interface EnvironmentKeys {
  /** Private JWKS for oidc-provider, newest active key first. */
  readonly jwks: { keys: JsonWebKey[] };
  /** Cookie signing secrets, newest first (Keygrip signs with the first, verifies with all). */
  readonly cookieKeys: string[];
}

async function newSigningJwk(): Promise<JsonWebKey> {
  const { privateKey } = await new Promise<{ privateKey: import('node:crypto').KeyObject }>((resolve, reject) => {
    generateKeyPair('rsa', { modulusLength: 2048 }, (error, _publicKey, key) => (error ? reject(error) : resolve({ privateKey: key })));
  });
  return { ...privateKey.export({ format: 'jwk' }), kid: randomUUID(), alg: 'RS256', use: 'sig' };
}

/** Adds a new RS256 signing key to `env` and retires the others; returns its kid. */
export async function rotateSigningKey(store: Store, env: string): Promise<string> {
  const jwk = await newSigningJwk();
  await store.auth.keys.add(env, { kid: jwk.kid as string, use: 'sig', jwk: JSON.stringify(jwk) });
  await store.auth.keys.retireOthers(env, 'sig', jwk.kid as string);
  return jwk.kid as string;
}

/** The environment's keys, creating the missing ones (first start). */
export async function loadKeys(store: Store, env: string, now = Date.now()): Promise<EnvironmentKeys> {
  let keys = await store.auth.keys.list(env);
  if (!keys.some((k) => k.use === 'sig' && k.retiredAt === undefined)) {
    const jwk = await newSigningJwk();
    await store.auth.keys.add(env, { kid: jwk.kid as string, use: 'sig', jwk: JSON.stringify(jwk) });
  }
  if (!keys.some((k) => k.use === 'cookie' && k.retiredAt === undefined)) {
    const kid = randomUUID();
    await store.auth.keys.add(env, { kid, use: 'cookie', jwk: JSON.stringify({ kty: 'oct', kid, k: randomBytes(32).toString('base64url') }) });
  }
  keys = await store.auth.keys.list(env);
  const active = keys.filter((k) => k.retiredAt === undefined);
  const published = keys.filter((k) => k.retiredAt !== undefined && k.retiredAt > now - PUBLISH_RETIRED_MS);
  const ordered = [...active, ...published];
  return {
    jwks: { keys: ordered.filter((k) => k.use === 'sig').map((k) => JSON.parse(k.jwk) as JsonWebKey) },
    cookieKeys: ordered.filter((k) => k.use === 'cookie').map((k) => (JSON.parse(k.jwk) as { k: string }).k),
  };
}
