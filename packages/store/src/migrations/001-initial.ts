/**
 * The initial schema (see `schema.ts` for what each table holds). Indexes follow the queries:
 * every index table has `(env, pid, values…, rid)` for filters — `rid` last so that a filter is
 * answered from the index alone — and `(rid, pid)` for per-resource replacement, `_include`
 * and `_sort` joins.
 */
import type { Kysely, Migration } from 'kysely';
import type { Dialect } from '../sql/executor.js';
import { columnTypes, type ColumnTypes, type DataTypeExpression } from './column-types.js';

interface IndexTableSpec {
  table: string;
  /** Value columns after (env, pid, rid): name, type, NOT NULL. */
  columns: (t: ColumnTypes) => [string, DataTypeExpression, boolean][];
  /** Value columns of each filter index, which is (env, pid, …these, rid). */
  filters: string[][];
}

const INDEX_TABLES: IndexTableSpec[] = [
  { table: 'idx_string', columns: (t) => [['norm', t.text, true], ['exact', t.text, true]], filters: [['norm']] },
  {
    table: 'idx_token',
    columns: (t) => [['system', t.text, false], ['code', t.text, false], ['text', t.text, false]],
    filters: [['code', 'system']],
  },
  {
    table: 'idx_reference',
    columns: (t) => [
      ['target_type', t.text, false], ['target_id', t.text, false], ['url', t.text, false],
      ['url_version', t.text, false], ['identifier_system', t.text, false], ['identifier_value', t.text, false],
    ],
    filters: [['target_id', 'target_type'], ['url']],
  },
  { table: 'idx_date', columns: (t) => [['low', t.bigint, true], ['high', t.bigint, true]], filters: [['low', 'high']] },
  {
    table: 'idx_number',
    columns: (t) => [['value', t.double, true], ['low', t.double, true], ['high', t.double, true]],
    filters: [['value']],
  },
  {
    table: 'idx_quantity',
    columns: (t) => [
      ['system', t.text, false], ['code', t.text, false], ['unit', t.text, false],
      ['value', t.double, true], ['low', t.double, true], ['high', t.double, true],
    ],
    filters: [['value']],
  },
  { table: 'idx_uri', columns: (t) => [['uri', t.text, true]], filters: [['uri']] },
  {
    table: 'idx_position',
    columns: (t) => [['latitude', t.double, true], ['longitude', t.double, true]],
    filters: [['latitude', 'longitude']],
  },
];

/** An index of an index table that serves filters (not the per-resource `(rid, pid)` one). */
export interface FilterIndex {
  readonly name: string;
  readonly table: string;
  readonly columns: readonly string[];
}

/**
 * The filter indexes of the index tables: keys in value order, so rows arrive in random order
 * and each insert rewrites pages all over the B-tree. A bulk load into an empty database drops
 * them and builds them once at the end (see bulk/deferred-indexes.ts).
 */
export const FILTER_INDEXES: readonly FilterIndex[] = [
  ...INDEX_TABLES.flatMap((spec) => spec.filters.map((values) => filterIndex(spec.table, ['env', 'pid', ...values, 'rid']))),
  // `_revinclude` / `$everything`: who points at this resource, whatever the parameter.
  filterIndex('idx_reference', ['env', 'target_type', 'target_id', 'pid', 'rid']),
];

function filterIndex(table: string, columns: string[]): FilterIndex {
  return { name: indexName(table, columns), table, columns };
}

function indexName(table: string, columns: readonly string[]): string {
  return `${table}_${columns.join('_')}`;
}

/** Migration 001 for `dialect`. */
export function initialMigration(dialect: Dialect): Migration {
  const t = columnTypes(dialect);
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema.createTable('environment')
        .addColumn('env', t.smallKeyType, t.key)
        .addColumn('name', 'text', (c) => c.notNull().unique())
        .execute();

      await db.schema.createTable('search_param')
        .addColumn('pid', t.smallKeyType, t.key)
        .addColumn('resource_type', 'text', (c) => c.notNull())
        .addColumn('code', 'text', (c) => c.notNull())
        .addColumn('param_type', 'text', (c) => c.notNull())
        .addColumn('url', 'text', (c) => c.notNull())
        .addUniqueConstraint('search_param_type_code', ['resource_type', 'code'])
        .execute();

      await db.schema.createTable('resource')
        .addColumn('rid', t.keyType, t.key)
        .addColumn('env', 'integer', (c) => c.notNull())
        .addColumn('type', t.text, (c) => c.notNull())
        .addColumn('id', t.text, (c) => c.notNull())
        .addColumn('version_id', 'integer', (c) => c.notNull())
        .addColumn('last_updated', 'text', (c) => c.notNull())
        .addColumn('last_updated_ms', t.bigint, (c) => c.notNull())
        .addColumn('deleted', 'integer', (c) => c.notNull())
        .addColumn('content', 'text', (c) => c.notNull())
        .execute();
      await index(db, 'resource', ['env', 'type', 'id'], true);
      await index(db, 'resource', ['env', 'type', 'last_updated_ms', 'rid']);
      // Unfiltered type searches page by rid (keyset); (env, type, id) cannot order by rid.
      await index(db, 'resource', ['env', 'type', 'rid']);

      await db.schema.createTable('resource_history')
        .addColumn('rid', t.keyType, (c) => c.notNull())
        .addColumn('version_id', 'integer', (c) => c.notNull())
        .addColumn('env', 'integer', (c) => c.notNull())
        .addColumn('type', t.text, (c) => c.notNull())
        .addColumn('id', t.text, (c) => c.notNull())
        .addColumn('last_updated', 'text', (c) => c.notNull())
        .addColumn('last_updated_ms', t.bigint, (c) => c.notNull())
        .addColumn('deleted', 'integer', (c) => c.notNull())
        .addColumn('method', 'text', (c) => c.notNull())
        .addColumn('content', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('resource_history_pk', ['rid', 'version_id'])
        .execute();
      // History pages newest first with the keyset (last_updated_ms, rid, version_id).
      await index(db, 'resource_history', ['env', 'type', 'last_updated_ms', 'rid', 'version_id']);
      await index(db, 'resource_history', ['env', 'last_updated_ms', 'rid', 'version_id']);

      for (const spec of INDEX_TABLES) {
        let builder = db.schema.createTable(spec.table)
          .addColumn('env', 'integer', (c) => c.notNull())
          .addColumn('pid', 'integer', (c) => c.notNull())
          .addColumn('rid', t.keyType, (c) => c.notNull());
        for (const [name, type, notNull] of spec.columns(t)) {
          builder = builder.addColumn(name, type, (c) => (notNull ? c.notNull() : c));
        }
        await builder.execute();
        await index(db, spec.table, ['rid', 'pid']);
      }
      for (const filter of FILTER_INDEXES) await index(db, filter.table, filter.columns);
    },

    async down(db: Kysely<unknown>): Promise<void> {
      for (const spec of [...INDEX_TABLES].reverse()) await db.schema.dropTable(spec.table).execute();
      for (const table of ['resource_history', 'resource', 'search_param', 'environment']) {
        await db.schema.dropTable(table).execute();
      }
    },
  };
}

async function index(db: Kysely<unknown>, table: string, columns: readonly string[], unique = false): Promise<void> {
  let builder = db.schema.createIndex(indexName(table, columns)).on(table).columns([...columns]);
  if (unique) builder = builder.unique();
  await builder.execute();
}
