import assert from 'node:assert/strict';
import { it } from 'node:test';
import { toPositional } from './pg-executor.js';

it('rewrites ? placeholders to $n in order', () => {
  assert.equal(toPositional('SELECT 1'), 'SELECT 1');
  assert.equal(toPositional('SELECT * FROM t WHERE a = ? AND b IN (?, ?)'), 'SELECT * FROM t WHERE a = $1 AND b IN ($2, $3)');
});
