/** Identity of an index row, for removing duplicates (`name | alias` can yield the same text twice). */
import type { IndexRow } from './index-row.js';

const SEP = '\u0000';
/** Keeps null apart from the text 'null'. */
const f = (v: string | number | null): string | number => (v === null ? '\u0001' : v);

export function rowKey(row: IndexRow): string {
  switch (row.kind) {
    case 'string': return `s${SEP}${row.param}${SEP}${row.exact}${SEP}${row.norm}`;
    case 'token': return `t${SEP}${row.param}${SEP}${f(row.system)}${SEP}${f(row.code)}${SEP}${f(row.text)}`;
    case 'reference':
      return `r${SEP}${row.param}${SEP}${f(row.targetType)}${SEP}${f(row.targetId)}${SEP}${f(row.url)}${SEP}${f(row.urlVersion)}${SEP}${f(row.identifierSystem)}${SEP}${f(row.identifierValue)}`;
    case 'date': return `d${SEP}${row.param}${SEP}${row.low}${SEP}${row.high}`;
    case 'number': return `n${SEP}${row.param}${SEP}${row.value}${SEP}${row.low}${SEP}${row.high}`;
    case 'quantity': return `q${SEP}${row.param}${SEP}${row.value}${SEP}${row.low}${SEP}${row.high}${SEP}${f(row.system)}${SEP}${f(row.code)}${SEP}${f(row.unit)}`;
    case 'uri': return `u${SEP}${row.param}${SEP}${row.uri}`;
    case 'position': return `p${SEP}${row.param}${SEP}${row.latitude}${SEP}${row.longitude}`;
  }
}
