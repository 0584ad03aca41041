/** @payerport/auth — SMART App Launch 2 / OpenID Connect authorization server per environment (oidc-provider). */
export { createAuthServer, type AuthServer, type AuthServerOptions } from './provider/create-auth-server.js';
export { createTokenVerifier, type AccessGrant, type TokenCheck, type TokenFailure } from './access/verify-access-token.js';
export { smartConfiguration, type OAuthUris } from './discovery/smart-configuration.js';
export type { InteractionAction, InteractionReply, InteractionRequest, Interactions } from './interactions/interactions.js';
export { createClientRegistry, ClientRegistryError, type ClientRegistry, type ClientView, type IssuedClient } from './clients/client-registry.js';
export { checkClientInput, redirectUriProblem, AUTH_METHODS, type AuthMethod, type ClientInput } from './clients/client-metadata.js';
export { createMemberAccounts, type Member, type MemberAccounts, type MemberPatient, type VerifyResult } from './members/member-accounts.js';
export { loadKeys, rotateSigningKey } from './keys/signing-keys.js';
export { hashSecret, verifySecret, newClientSecret } from './secrets/secret-hash.js';
export { OIDC_SCOPES, PUBLIC_SYSTEM_TYPES, isMemberScope, isSystemScope } from './scopes/smart-scopes.js';
