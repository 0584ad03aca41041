/**
 * Table shapes (Kysely `Database` type). The migrations create exactly these, in both dialects.
 *
 * - `resource` holds the current version of each resource (and a tombstone after deletion).
 *   `rid` is a surrogate integer key: index rows point at it, and it never changes across
 *   versions, so keyset paging on it stays stable while resources are updated.
 * - `resource_history` holds every version, the current one included; the current version's
 *   text is stored in `resource` only (its history row holds '', see read/history-content.ts).
 * - `search_param` maps (resource type, code) to a small integer `pid` used in index rows.
 * - `idx_*` tables: one row per value extracted by a SearchParameter's FHIRPath expression.
 *   Every one carries `env` and `pid` so that a filter reads one contiguous index range.
 *
 * - `member` / `member_patient` (migration 003): member accounts and the patients each may share.
 *
 * Booleans are integers 0/1 in both dialects; instants are ISO text plus epoch-ms bigint.
 */
import type { Generated } from 'kysely';
import type { AuthClientTable, AuthKeyTable, AuthPayloadTable } from './auth/auth-schema.js';

export interface EnvironmentTable {
  env: Generated<number>;
  name: string;
}

export interface SearchParamTable {
  pid: Generated<number>;
  resource_type: string;
  code: string;
  param_type: string;
  url: string;
}

export interface ResourceTable {
  rid: Generated<number>;
  env: number;
  type: string;
  id: string;
  version_id: number;
  last_updated: string;
  last_updated_ms: number;
  deleted: number;
  content: string;
}

export interface ResourceHistoryTable {
  rid: number;
  version_id: number;
  env: number;
  type: string;
  id: string;
  last_updated: string;
  last_updated_ms: number;
  deleted: number;
  /** 'create' | 'update' | 'delete' */
  method: string;
  content: string;
}

interface IndexBase { env: number; pid: number; rid: number }

export interface IdxStringTable extends IndexBase { norm: string; exact: string }
export interface IdxTokenTable extends IndexBase { system: string | null; code: string | null; text: string | null }
export interface IdxReferenceTable extends IndexBase {
  target_type: string | null;
  target_id: string | null;
  url: string | null;
  url_version: string | null;
  identifier_system: string | null;
  identifier_value: string | null;
}
export interface IdxDateTable extends IndexBase { low: number; high: number }
export interface IdxNumberTable extends IndexBase { value: number; low: number; high: number }
export interface IdxQuantityTable extends IndexBase { system: string | null; code: string | null; unit: string | null; value: number; low: number; high: number }
export interface IdxUriTable extends IndexBase { uri: string }
export interface IdxPositionTable extends IndexBase { latitude: number; longitude: number }

/** One audited authorization, token, revocation or FHIR request (migration 004; never a token). */
export interface AuditEventTable {
  event_id: Generated<number>;
  env: number;
  at_ms: number;
  kind: string;
  action: string;
  outcome: string;
  client_id: string | null;
  member: string | null;
  patient: string | null;
  grant_id: string | null;
  detail: string | null;
}

export interface MemberTable {
  env: number;
  id: string;
  username: string;
  password_hash: string;
  display_name: string;
  language: string;
  failed_attempts: Generated<number>;
  locked_until: number | null;
  created_at: string;
}

export interface MemberPatientTable {
  env: number;
  member_id: string;
  patient_id: string;
  relationship: string;
  display: string;
  position: number;
}

export interface Database {
  environment: EnvironmentTable;
  search_param: SearchParamTable;
  resource: ResourceTable;
  resource_history: ResourceHistoryTable;
  idx_string: IdxStringTable;
  idx_token: IdxTokenTable;
  idx_reference: IdxReferenceTable;
  idx_date: IdxDateTable;
  idx_number: IdxNumberTable;
  idx_quantity: IdxQuantityTable;
  idx_uri: IdxUriTable;
  idx_position: IdxPositionTable;
  audit_event: AuditEventTable;
  auth_payload: AuthPayloadTable;
  auth_key: AuthKeyTable;
  auth_client: AuthClientTable;
  member: MemberTable;
  member_patient: MemberPatientTable;
}
