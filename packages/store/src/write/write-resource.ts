/**
 * create / update / delete of one resource inside a transaction —
 * https://hl7.org/fhir/R4/http.html#update. Each new version updates the `resource` row, adds a
 * `resource_history` row (its text stays in `resource` only; the version it replaces gets its
 * text back, see read/history-content.ts) and replaces the resource's index rows; the caller's
 * transaction makes it all land together or not at all.
 */
import { randomUUID } from 'node:crypto';
import { conflict, preconditionFailed } from '@payerport/fhir';
import type { StoredResource, UpdateResult, WriteOptions } from '../store.js';
import { CURRENT_VERSION_TEXT } from '../read/history-content.js';
import { toStored, type VersionRow } from '../read/stored-row.js';
import { canonicalResource, instant, sameContent } from './canonical-json.js';
import { IndexRowBuffer, deleteIndexRows } from './index-rows.js';
import { validateResource } from './validate-resource.js';
import { nextInstantMs, type WriteContext } from './write-context.js';

interface CurrentRow extends VersionRow {
  rid: number;
  last_updated_ms: number;
}

type Method = 'create' | 'update' | 'delete';

/** Creates `resource`; a new UUID id unless one is given (update-as-create, or reviving a deleted one). */
export async function createResource(ctx: WriteContext, resource: Record<string, unknown>): Promise<StoredResource> {
  const { type, id } = validateResource(resource, false);
  if (id === undefined) return (await insertFirstVersion(ctx, type, randomUUID(), resource))!;
  const current = await loadCurrent(ctx, type, id);
  if (current === undefined) {
    const stored = await insertFirstVersion(ctx, type, id, resource);
    if (stored === undefined) throw conflict(`${type}/${id} already exists`);
    return stored;
  }
  if (Number(current.deleted) === 1) return (await writeNextVersion(ctx, current, resource, 'update'))!; // a revival always writes
  throw conflict(`${type}/${id} already exists`);
}

/** Updates (or creates) `resource` by its id; no new version when the content is unchanged. */
export async function updateResource(ctx: WriteContext, resource: Record<string, unknown>, options?: WriteOptions): Promise<UpdateResult> {
  const { type, id } = validateResource(resource, true) as { type: string; id: string };
  let current = await loadCurrent(ctx, type, id);
  checkIfMatch(options, current, `${type}/${id}`);
  if (current === undefined) {
    const stored = await insertFirstVersion(ctx, type, id, resource);
    if (stored !== undefined) return { stored, created: true };
    // A concurrent transaction created it first (PostgreSQL); its row is committed now: update it.
    current = await loadCurrent(ctx, type, id);
    if (current === undefined) throw conflict(`${type}/${id} is being written concurrently`);
  }
  if (Number(current.deleted) === 1) return { stored: (await writeNextVersion(ctx, current, resource, 'update'))!, created: true };
  const stored = await writeNextVersion(ctx, current, resource, 'update');
  return stored === undefined ? { stored: toStored(current), created: false, unchanged: true } : { stored, created: false };
}

/** Writes a tombstone version and drops the index rows; undefined if absent or already deleted. */
export async function deleteResource(ctx: WriteContext, type: string, id: string, options?: WriteOptions): Promise<StoredResource | undefined> {
  const current = await loadCurrent(ctx, type, id);
  if (current === undefined || Number(current.deleted) === 1) return undefined;
  checkIfMatch(options, current, `${type}/${id}`);
  return writeVersion(ctx, current, current.content, 'delete', nextInstantMs(ctx, Number(current.last_updated_ms)));
}

async function loadCurrent(ctx: WriteContext, type: string, id: string): Promise<CurrentRow | undefined> {
  // PostgreSQL: lock the row so concurrent writers of one resource take turns (SQLite has one writer).
  const lock = ctx.exec.dialect === 'postgres' ? ' FOR UPDATE' : '';
  const rows = await ctx.exec.all<CurrentRow>(
    `SELECT rid, type, id, version_id, last_updated, last_updated_ms, deleted, content FROM resource WHERE env = ? AND type = ? AND id = ?${lock}`,
    [ctx.envId, type, id],
  );
  return rows[0];
}

function checkIfMatch(options: WriteOptions | undefined, current: CurrentRow | undefined, ref: string): void {
  if (options?.ifMatch === undefined) return;
  const actual = current === undefined ? undefined : Number(current.version_id);
  if (actual !== options.ifMatch) {
    throw preconditionFailed(`If-Match version ${options.ifMatch} does not match ${ref} (current version: ${actual ?? 'none'})`);
  }
}

/** Version 1; undefined if a concurrent transaction inserted the same (env, type, id) first. */
async function insertFirstVersion(
  ctx: WriteContext, type: string, id: string, resource: Record<string, unknown>,
): Promise<StoredResource | undefined> {
  const ms = ctx.clock();
  const lastUpdated = instant(ms);
  const value = canonicalResource(resource, id, 1, lastUpdated);
  const json = JSON.stringify(value);
  // Extract first: an indexer failure then happens before any SQL runs.
  const rows = ctx.indexer.extract(value);
  // DO NOTHING instead of a unique-violation error: in PostgreSQL that would abort the whole
  // transaction, while here the caller can still fall back to updating the winner's row.
  const inserted = await ctx.exec.all<{ rid: number }>(
    'INSERT INTO resource (env, type, id, version_id, last_updated, last_updated_ms, deleted, content) VALUES (?, ?, ?, 1, ?, ?, 0, ?) ' +
      'ON CONFLICT (env, type, id) DO NOTHING RETURNING rid',
    [ctx.envId, type, id, lastUpdated, ms, json],
  );
  if (inserted[0] === undefined) return undefined;
  const rid = Number(inserted[0].rid);
  await insertHistory(ctx, rid, 1, type, id, lastUpdated, ms, 0, 'create');
  const buffer = new IndexRowBuffer((t, code) => ctx.paramId(t, code));
  buffer.add(ctx.envId, rid, type, rows);
  await buffer.flush(ctx.exec);
  return { type, id, versionId: 1, lastUpdated, deleted: false, json };
}

/** The next version with `resource`'s content; undefined when that content equals the current one. */
async function writeNextVersion(
  ctx: WriteContext, current: CurrentRow, resource: Record<string, unknown>, method: Method,
): Promise<StoredResource | undefined> {
  const ms = nextInstantMs(ctx, Number(current.last_updated_ms));
  const value = canonicalResource(resource, current.id, Number(current.version_id) + 1, instant(ms));
  const json = JSON.stringify(value);
  if (Number(current.deleted) === 0 && sameContent(current.content, json)) return undefined;
  return writeVersion(ctx, current, json, method, ms, value);
}

async function writeVersion(
  ctx: WriteContext, current: CurrentRow, json: string, method: Method, ms: number, value?: Record<string, unknown>,
): Promise<StoredResource> {
  const deleted = method === 'delete' ? 1 : 0;
  const rows = value === undefined ? [] : ctx.indexer.extract(value);
  const rid = Number(current.rid);
  const versionId = Number(current.version_id) + 1;
  const lastUpdated = instant(ms);
  // The version being replaced keeps its text in history from now on (rows written before
  // history-content.ts already have it).
  await ctx.exec.run(
    'UPDATE resource_history SET content = ? WHERE rid = ? AND version_id = ? AND content = ?',
    [current.content, rid, Number(current.version_id), CURRENT_VERSION_TEXT],
  );
  await ctx.exec.run(
    'UPDATE resource SET version_id = ?, last_updated = ?, last_updated_ms = ?, deleted = ?, content = ? WHERE rid = ?',
    [versionId, lastUpdated, ms, deleted, json, rid],
  );
  await insertHistory(ctx, rid, versionId, current.type, current.id, lastUpdated, ms, deleted, method);
  await deleteIndexRows(ctx.exec, [rid]);
  if (rows.length > 0) {
    const buffer = new IndexRowBuffer((t, code) => ctx.paramId(t, code));
    buffer.add(ctx.envId, rid, current.type, rows);
    await buffer.flush(ctx.exec);
  }
  return { type: current.type, id: current.id, versionId, lastUpdated, deleted: deleted === 1, json };
}

/** The history row of a new current version: its text is the `resource` row's. */
async function insertHistory(
  ctx: WriteContext, rid: number, versionId: number, type: string, id: string,
  lastUpdated: string, ms: number, deleted: number, method: Method,
): Promise<void> {
  await ctx.exec.run(
    'INSERT INTO resource_history (rid, version_id, env, type, id, last_updated, last_updated_ms, deleted, method, content) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
    [rid, versionId, ctx.envId, type, id, lastUpdated, ms, deleted, method, CURRENT_VERSION_TEXT],
  );
}
