/** @payerport/auth — SMART App Launch 2 / OpenID Connect authorization server per environment (oidc-provider). */
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
