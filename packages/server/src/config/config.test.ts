import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { DEFAULT_PACKAGE_REGISTRIES } from '@payerport/fhir';
import { CONFIG_TABLE } from './config-table.js';
import { ConfigError, loadConfig } from './config.js';

const problemsOf = (env: Record<string, string>): readonly string[] => {
  try {
    loadConfig(env);
  } catch (error) {
    assert.ok(error instanceof ConfigError);
    return error.problems;
  }
  return assert.fail('expected a ConfigError');
};

describe('configuration', () => {
  it('has documented defaults', () => {
    const c = loadConfig({});
    assert.equal(c.port, 8080);
    assert.equal(c.host, '0.0.0.0');
    assert.equal(c.publicUrl, 'http://localhost:8080');
    assert.equal(c.databaseUrl, undefined);
    assert.equal(c.sqlitePath, './data/payerport.sqlite');
    assert.deepEqual(c.fhirPackages, []);
    assert.match(c.fhirPackageCache, /\.fhir\/packages$/);
    assert.ok(!c.fhirPackageCache.startsWith('~'));
    assert.equal(c.adminToken, undefined);
    assert.equal(c.defaultPageSize, 20);
    assert.equal(c.maxPageSize, 1000);
    assert.equal(c.bodyLimit, 16 * 1024 * 1024);
    assert.equal(c.logLevel, 'info');
  });

  it('is frozen', () => {
    const c = loadConfig({});
    assert.ok(Object.isFrozen(c));
    assert.ok(Object.isFrozen(c.fhirPackages));
  });

  it('parses given values; PUBLIC_URL follows PORT and loses its trailing slash', () => {
    const c = loadConfig({ PORT: '9000', FHIR_PACKAGES: '/a:/b', DATABASE_URL: 'postgres://u@h/db', ADMIN_TOKEN: 'x'.repeat(20) });
    assert.equal(c.publicUrl, 'http://localhost:9000');
    assert.deepEqual(c.fhirPackages, ['/a', '/b']);
    assert.equal(c.databaseUrl, 'postgres://u@h/db');
    assert.equal(loadConfig({ PUBLIC_URL: 'https://api.plan.example/' }).publicUrl, 'https://api.plan.example');
  });

  it('reports every bad value at once, naming the key and hiding secrets', () => {
    const problems = problemsOf({ PORT: 'eighty', MAX_PAGE_SIZE: '0', LOG_LEVEL: 'loud', PUBLIC_URL: 'ftp://x', ADMIN_TOKEN: 'short-secret', DATABASE_URL: 'mysql://secret@h' });
    assert.equal(problems.length, 6);
    for (const key of ['PORT', 'MAX_PAGE_SIZE', 'LOG_LEVEL', 'PUBLIC_URL', 'ADMIN_TOKEN', 'DATABASE_URL']) {
      assert.ok(problems.some((p) => p.startsWith(`${key}=`)), key);
    }
    assert.ok(!problems.join('\n').includes('short-secret'));
    assert.ok(!problems.join('\n').includes('mysql://secret'));
  });

  it('lists the FHIR package registries in order: the FHIR registry, then npm, by default', () => {
    assert.deepEqual(loadConfig({}).fhirPackageRegistries, DEFAULT_PACKAGE_REGISTRIES);
    const c = loadConfig({ FHIR_PACKAGE_REGISTRIES: 'npm:https://npm.internal.example/, https://fhir.internal.example' });
    assert.deepEqual(c.fhirPackageRegistries, [{ url: 'https://npm.internal.example', layout: 'npm' }, { url: 'https://fhir.internal.example', layout: 'fhir' }]);
    assert.ok(Object.isFrozen(c.fhirPackageRegistries));
    assert.deepEqual(loadConfig({ FHIR_PACKAGE_REGISTRIES: 'none' }).fhirPackageRegistries, []);
    assert.match(problemsOf({ FHIR_PACKAGE_REGISTRIES: 'registry.npmjs.org' })[0]!, /^FHIR_PACKAGE_REGISTRIES="registry\.npmjs\.org": .*not a package registry/);
  });

  it('refuses a default page size above the maximum', () => {
    const problems = problemsOf({ DEFAULT_PAGE_SIZE: '50', MAX_PAGE_SIZE: '10' });
    assert.match(problems[0]!, /DEFAULT_PAGE_SIZE/);
  });

  it('reads PAYERPORT_CONFIG; environment variables win; unknown keys are errors', () => {
    const dir = mkdtempSync(join(tmpdir(), 'payerport-config-'));
    const file = join(dir, 'config.json');
    writeFileSync(file, JSON.stringify({ PORT: 7000, LOG_LEVEL: 'warn', FHIR_PACKAGES: ['/p1', '/p2'] }));
    const c = loadConfig({ PAYERPORT_CONFIG: file, LOG_LEVEL: 'error' });
    assert.equal(c.port, 7000);
    assert.equal(c.logLevel, 'error');
    assert.deepEqual(c.fhirPackages, ['/p1', '/p2']);
    writeFileSync(file, JSON.stringify({ PROT: 1 }));
    assert.throws(() => loadConfig({ PAYERPORT_CONFIG: file }), /unknown key PROT/);
    assert.throws(() => loadConfig({ PAYERPORT_CONFIG: join(dir, 'missing.json') }), ConfigError);
  });
});

describe('member page and sign-in settings', () => {
  it('default to no plan name, UTC, 20 sign-ins per 5 minutes per address, and no trusted proxy', () => {
    const c = loadConfig({});
    assert.equal(c.planName, undefined);
    assert.equal(c.planTimeZone, 'UTC');
    assert.deepEqual(c.signInRateLimit, { attempts: 20, windowSeconds: 300 });
    assert.equal(c.trustProxy, false);
  });
  it('read the plan name, an IANA time zone, and every trustProxy form', () => {
    const c = loadConfig({ PLAN_NAME: 'Kōkua Health Plan', PLAN_TIME_ZONE: 'Pacific/Honolulu', SIGNIN_RATE_LIMIT: '5', SIGNIN_RATE_WINDOW_SECONDS: '60' });
    assert.deepEqual([c.planName, c.planTimeZone, c.signInRateLimit.attempts, c.signInRateLimit.windowSeconds], ['Kōkua Health Plan', 'Pacific/Honolulu', 5, 60]);
    assert.equal(loadConfig({ TRUST_PROXY: 'true' }).trustProxy, true);
    assert.equal(loadConfig({ TRUST_PROXY: '2' }).trustProxy, 2);
    assert.deepEqual(loadConfig({ TRUST_PROXY: '10.0.0.0/8, loopback,::1' }).trustProxy, ['10.0.0.0/8', 'loopback', '::1']);
  });
  it('refuse an unknown time zone and a trustProxy that is none of its forms', () => {
    assert.match(problemsOf({ PLAN_TIME_ZONE: 'Hawaii/Honolulu' }).join('\n'), /PLAN_TIME_ZONE.*IANA time zone/);
    for (const bad of ['yes', '10.0.0.0/33', 'proxy.example', '1.2.3']) assert.match(problemsOf({ TRUST_PROXY: bad }).join('\n'), /TRUST_PROXY/, bad);
    assert.match(problemsOf({ SIGNIN_RATE_LIMIT: '0' }).join('\n'), /SIGNIN_RATE_LIMIT/);
  });
});

describe('README configuration table', () => {
  // The README is the user's reference: every key the server reads must be documented there.
  it('lists every configuration key', () => {
    const readme = new URL('../../../../README.md', import.meta.url);
    assert.ok(existsSync(readme), 'README.md is missing');
    const text = readFileSync(readme, 'utf8');
    const section = /^(#+)\s+Configuration\b.*$/im.exec(text);
    assert.ok(section, 'README.md has no "Configuration" section');
    const level = section[1]!.length;
    const rest = text.slice(section.index + section[0].length);
    const end = rest.search(new RegExp(`^#{1,${level}}\\s`, 'm'));
    const body = end < 0 ? rest : rest.slice(0, end);
    const documented = new Set(body.split('\n').filter((l) => l.trim().startsWith('|')).map((l) => l.split('|')[1]!.replace(/[`*\s]/g, '')));
    const missing = CONFIG_TABLE.map((k) => k.name).filter((name) => !documented.has(name));
    assert.deepEqual(missing, [], `README.md's configuration table lacks: ${missing.join(', ')}`);
  });
});
