import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { UsageError, parseArgv } from './argv.js';

describe('parseArgv', () => {
  it('defaults to serve', () => {
    assert.equal(parseArgv([]).command, 'serve');
  });

  it('takes positionals and --flag value / --flag=value', () => {
    const a = parseArgv(['load', 'data.ndjson', '--env', 'sandbox']);
    assert.equal(a.command, 'load');
    assert.deepEqual(a.positionals, ['data.ndjson']);
    assert.equal(a.flags.env, 'sandbox');
    assert.equal(parseArgv(['reindex', '--env=production']).flags.env, 'production');
  });

  it('treats -h and --help as help', () => {
    assert.equal(parseArgv(['-h']).command, 'help');
    assert.equal(parseArgv(['--help']).command, 'help');
  });

  it('rejects unknown commands and a valued flag without a value', () => {
    assert.throws(() => parseArgv(['serv']), UsageError);
    assert.throws(() => parseArgv(['seed', '--env']), UsageError);
    assert.throws(() => parseArgv(['seed', '--env', '--x']), UsageError);
  });
});
