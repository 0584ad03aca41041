/** @payerport/auth — SMART App Launch 2 / OpenID Connect authorization server per environment (oidc-provider). */
export { createAuthServer, type AuthServer, type AuthServerOptions } from './provider/create-auth-server.js';
export { createTokenVerifier, type AccessGrant, type TokenCheck, type TokenFailure } from './access/verify-access-token.js';
export { smartConfiguration, type OAuthUris } from './discovery/smart-configuration.js';
export type { InteractionAction, InteractionReply, InteractionRequest, Interactions } from './interactions/interactions.js';
export { PRIVACY_ATTESTATION } from './interactions/app-summary.js';
export type { AccountAction, AccountPages, AccountRequest } from './account/account-pages.js';
export { LANG_COOKIE, pageLanguage, type Fields, type LanguageInput, type PageReply } from './web/page-reply.js';
export { createClientRegistry, ClientRegistryError, type ClientRegistry, type ClientView, type IssuedClient } from './clients/client-registry.js';
export { checkClientInput, redirectUriProblem, AUTH_METHODS, type AuthMethod, type ClientInput } from './clients/client-metadata.js';
export { loadKeys, rotateSigningKey } from './keys/signing-keys.js';
export { hashSecret, verifySecret, newClientSecret } from './secrets/secret-hash.js';
export { OIDC_SCOPES, PUBLIC_SYSTEM_TYPES, isMemberScope, isSystemScope } from './scopes/smart-scopes.js';
export {
  createMemberAccounts,
  type Member, type MemberAccounts, type MemberAccountsOptions, type MemberPatient, type NewMember, type VerifyResult,
} from './members/member-accounts.js';
export { DEFAULT_SCRYPT_PARAMS, hashPassword, needsRehash, verifyPassword, type ScryptParams } from './members/password-hash.js';
export { isRelationship, RELATIONSHIPS, type Relationship } from './members/relationships.js';
export { normalizeUsername } from './members/usernames.js';
export { CATEGORY_ORDER, categoryOfType, RESOURCE_CATEGORIES, typesOfCategory, type CategoryId } from './consent/categories.js';
export { ALWAYS_GRANTED, grantedScopes, scopeCategories, type ScopeCategory } from './consent/scope-categories.js';
export { parseResourceScope, type ResourceScope } from './consent/smart-scope.js';
export { createCsrf, type Csrf, type CsrfOptions } from './pages/csrf.js';
export { escapeHtml, html, raw, SafeHtml, safeUrl } from './pages/html.js';
export { messages, type Messages } from './pages/i18n/messages.js';
export { DEFAULT_LANG, LANGUAGES, pickLanguage, supportedLanguage, type Lang } from './pages/i18n/pick-language.js';
export { FORM_FIELDS, formatDate, type PageOptions } from './pages/layout.js';
export { PAGE_HEADERS } from './pages/styles.js';
export { renderSignIn, type SignInOptions } from './pages/sign-in.js';
export { readPatientChoice, renderPatientPicker, type PatientPickerOptions } from './pages/patient-picker.js';
export { readConsentForm, renderConsent, type ConsentApp, type ConsentOptions } from './pages/consent.js';
export { renderConnectedApps, type ConnectedApp, type ConnectedAppsOptions } from './pages/connected-apps.js';
export { renderMessage, renderSignedOut, type MessageKind, type MessageOptions } from './pages/outcome.js';
