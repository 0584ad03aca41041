/** Shapes of the authorization server tables created by migration 002 (see that file for why). */

export interface AuthPayloadTable {
  env: number;
  model: string;
  id: string;
  /** The oidc-provider payload as JSON text. */
  payload: string;
  grant_id: string | null;
  uid: string | null;
  user_code: string | null;
  /** Epoch ms; null = no expiry (clients, some grants). */
  expires_at: number | null;
  consumed_at: number | null;
}

export interface AuthKeyTable {
  env: number;
  kid: string;
  /** 'sig' (token signing, published) or 'cookie' (cookie signing, never published). */
  key_use: string;
  /** Private JWK as JSON text. */
  jwk: string;
  created_at: number;
  retired_at: number | null;
}

export interface AuthClientTable {
  env: number;
  client_id: string;
  /** Client metadata (RFC 7591 names) as JSON text, without any secret. */
  metadata: string;
  /** scrypt hash of the client secret (never the secret); null for public / private_key_jwt clients. */
  secret_hash: string | null;
  disabled: number;
  created_at: number;
  updated_at: number;
}
