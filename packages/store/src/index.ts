/** @payerport/store — FHIR resource storage over SQLite or PostgreSQL: versions, history, index rows, search. */
export { createStore } from './create-store.js';
export type { SqlStore } from './sql-store.js';
export type { IndexedParam, StoreLogger, StoreOptions } from './store-options.js';
export type * from './store.js';
export type { Database } from './schema.js';
export type { Dialect, SqlExecutor } from './sql/executor.js';
export type { SearchContext } from './search/run-search.js';
export type { AuditEvent, AuditKind, AuditStore, PatientAccessMetrics, StoredAuditEvent } from './audit/audit-store.js';
export type { AuthStore, AuthPayloads, AuthKeys, AuthClients, StoredPayload, PayloadWrite, StoredKey, StoredClient, ClientWrite } from './auth/auth-store.js';
export type { FailurePolicy, MemberInput, MemberPatientLink, MemberRecord, MemberStore } from './members/member-store.js';
