/**
 * The authorization server's storage seam (`store.auth`): what oidc-provider's adapter, the
 * key manager and the client registry need, per environment, on both dialects. Payloads are
 * opaque JSON text here; @payerport/auth gives them meaning.
 */

/** One stored oidc-provider artefact (code, token, grant, session, interaction…). */
export interface StoredPayload {
  /** JSON text as upserted. */
  readonly payload: string;
  /** Epoch ms when consumed (a used code or rotated refresh token), else undefined. */
  readonly consumedAt: number | undefined;
  readonly expiresAt: number | undefined;
}

export interface PayloadWrite {
  readonly payload: string;
  readonly grantId?: string | undefined;
  readonly uid?: string | undefined;
  readonly userCode?: string | undefined;
  /** Epoch ms; undefined = never expires. */
  readonly expiresAt?: number | undefined;
}

/** https://github.com/panva/node-oidc-provider/blob/main/example/my_adapter.js — the adapter contract, as rows. */
export interface AuthPayloads {
  upsert(env: string, model: string, id: string, value: PayloadWrite): Promise<void>;
  /** The payload unless missing or expired. */
  find(env: string, model: string, id: string): Promise<StoredPayload | undefined>;
  findByUid(env: string, model: string, uid: string): Promise<StoredPayload | undefined>;
  findByUserCode(env: string, model: string, userCode: string): Promise<StoredPayload | undefined>;
  /** Every live `model` row with this `uid`, oldest expiry first (e.g. a member's grants). */
  listByUid(env: string, model: string, uid: string): Promise<Array<StoredPayload & { readonly id: string }>>;
  /** Marks consumed, atomically: true only for the one caller that consumed it first. */
  consume(env: string, model: string, id: string): Promise<boolean>;
  destroy(env: string, model: string, id: string): Promise<void>;
  /** Deletes every `model` row of the grant; returns how many. */
  /**
   * Deletes every row of `model` of a grant; returns how many. With `marker`, each deleted row
   * first leaves a row of model `marker` under its id (until its expiry), in the same transaction,
   * so a token of a revoked grant can be told apart from one that never existed.
   */
  revokeByGrantId(env: string, model: string, grantId: string, marker?: string): Promise<number>;
  /** Deletes rows (every environment) that expired before `beforeMs`; returns how many. */
  purgeExpired(beforeMs: number): Promise<number>;
}

export interface StoredKey {
  readonly kid: string;
  readonly use: 'sig' | 'cookie';
  /** Private JWK as JSON text. */
  readonly jwk: string;
  readonly createdAt: number;
  readonly retiredAt: number | undefined;
}

export interface AuthKeys {
  /** Every key of the environment, newest first (active and retired). */
  list(env: string): Promise<StoredKey[]>;
  add(env: string, key: { kid: string; use: 'sig' | 'cookie'; jwk: string }): Promise<void>;
  /** Retires every active key of `use` except `keepKid`; returns how many were retired. */
  retireOthers(env: string, use: 'sig' | 'cookie', keepKid: string): Promise<number>;
  /** Deletes keys retired before `beforeMs`. */
  deleteRetired(env: string, beforeMs: number): Promise<number>;
}

export interface StoredClient {
  readonly clientId: string;
  /** RFC 7591 metadata as JSON text (never a secret). */
  readonly metadata: string;
  readonly secretHash: string | undefined;
  readonly disabled: boolean;
  readonly createdAt: number;
  readonly updatedAt: number;
}

export interface ClientWrite {
  readonly metadata: string;
  /** undefined = no secret (public / private_key_jwt). */
  readonly secretHash: string | undefined;
}

export interface AuthClients {
  find(env: string, clientId: string): Promise<StoredClient | undefined>;
  list(env: string): Promise<StoredClient[]>;
  /** Inserts; false if the id is taken. */
  create(env: string, clientId: string, value: ClientWrite): Promise<boolean>;
  /** Inserts or replaces metadata and secret hash (keeps `disabled` and `createdAt`). */
  put(env: string, clientId: string, value: ClientWrite): Promise<void>;
  /** Replaces metadata only; false if there is no such client. */
  updateMetadata(env: string, clientId: string, metadata: string): Promise<boolean>;
  setSecretHash(env: string, clientId: string, secretHash: string | undefined): Promise<boolean>;
  setDisabled(env: string, clientId: string, disabled: boolean): Promise<boolean>;
}

export interface AuthStore {
  readonly payloads: AuthPayloads;
  readonly keys: AuthKeys;
  readonly clients: AuthClients;
}
