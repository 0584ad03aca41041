/**
 * The only places the two dialects' DDL differs, as one-line overrides (the Kysely way): the
 * rest of every migration is shared.
 */
import { sql, type ColumnDefinitionBuilder, type CreateTableBuilder } from 'kysely';
import type { Dialect } from '../sql/executor.js';

/** A column type as `addColumn` takes it (Kysely does not export its own alias). */
export type DataTypeExpression = Parameters<CreateTableBuilder<string>['addColumn']>[1];

export interface ColumnTypes {
  /** Surrogate key: `integer primary key autoincrement` (a rowid alias) vs `bigint` identity. */
  key(col: ColumnDefinitionBuilder): ColumnDefinitionBuilder;
  /** Type of a surrogate key column (and of columns referencing one). */
  readonly keyType: DataTypeExpression;
  /** Small surrogate key (environment, search_param): same as `key`, `integer` in PostgreSQL. */
  readonly smallKeyType: DataTypeExpression;
  /** Epoch milliseconds and other 64-bit integers. */
  readonly bigint: DataTypeExpression;
  readonly double: DataTypeExpression;
  /**
   * Text compared byte-wise: SQLite's default BINARY collation, `collate "C"` in PostgreSQL, so
   * both dialects order and compare alike and a btree serves `LIKE 'abc%'` / range prefixes.
   */
  readonly text: DataTypeExpression;
}

export function columnTypes(dialect: Dialect): ColumnTypes {
  if (dialect === 'sqlite') {
    return {
      key: (col) => col.primaryKey().autoIncrement(),
      keyType: 'integer',
      smallKeyType: 'integer',
      bigint: 'integer',
      double: 'real',
      text: 'text',
    };
  }
  return {
    key: (col) => col.primaryKey().generatedByDefaultAsIdentity(),
    keyType: 'bigint',
    smallKeyType: 'integer',
    bigint: 'bigint',
    double: 'double precision',
    text: sql`text collate "C"`,
  };
}
