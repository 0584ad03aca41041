#!/usr/bin/env node
// `npm test`: finds every *.test.ts under packages/*/src and bench/ and runs them with Node's
// built-in test runner. Node 20 has no glob support in `--test`, so the files are passed explicitly.
//
// Usage:  npm test                       all test files
//         npm test -- store              only files whose path contains "store" (several words = any of them)
//         npm test -- --test-name-pattern=read store
//                                        arguments starting with "-" go to node (use the --opt=value form)
//
// Environment: TEST_CONCURRENCY (files run at once, default 1), TEST_TIMEOUT (ms per file and per
// test, default 600000). DATABASE_URL, REQUIRE_POSTGRES, REQUIRE_BROWSER, REQUIRE_NETWORK_PACKAGES
// and FHIR_PACKAGES are read by the tests themselves; they are only summarised here.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = dirname(dirname(fileURLToPath(import.meta.url)));
const SKIP_DIRS = new Set(['node_modules', 'dist', '.git']);
const CHROMIUM = '/usr/bin/chromium';

/** Recursively lists *.test.ts files under dir, as paths relative to the repo root with "/" separators. */
function findTests(dir) {
  if (!existsSync(dir)) return [];
  const found = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = join(dir, entry.name);
    if (entry.isDirectory()) {
      if (!SKIP_DIRS.has(entry.name)) found.push(...findTests(full));
    } else if (entry.isFile() && entry.name.endsWith('.test.ts')) {
      found.push(relative(root, full).split(sep).join('/'));
    }
  }
  return found;
}

function allTestFiles() {
  const packagesDir = join(root, 'packages');
  const packages = existsSync(packagesDir)
    ? readdirSync(packagesDir, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name)
    : [];
  const files = packages.flatMap((name) => findTests(join(packagesDir, name, 'src')));
  files.push(...findTests(join(root, 'bench')));
  return files.sort();
}

function positiveInt(name, fallback) {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1) {
    console.error(`run-tests: ${name} must be a positive integer, got "${raw}"`);
    process.exit(2);
  }
  return value;
}

function environmentSummary() {
  const env = process.env;
  const pg = env.DATABASE_URL ? 'DATABASE_URL set (PostgreSQL tests run)' : 'DATABASE_URL unset (PostgreSQL tests skip)';
  const hasChromium = existsSync(CHROMIUM);
  const browser = hasChromium ? `${CHROMIUM} found (browser tests run)` : `${CHROMIUM} missing (browser tests skip)`;
  const show = (name) => `${name}=${env[name] || '-'}`;
  const line = [pg, browser, show('REQUIRE_POSTGRES'), show('REQUIRE_BROWSER'), show('REQUIRE_NETWORK_PACKAGES'), show('FHIR_PACKAGES'), `node ${process.version}`];
  const warnings = [];
  if (env.REQUIRE_POSTGRES === '1' && !env.DATABASE_URL) {
    warnings.push('REQUIRE_POSTGRES=1 but DATABASE_URL is unset: PostgreSQL tests will fail');
  }
  if (env.REQUIRE_BROWSER === '1' && !hasChromium) {
    warnings.push(`REQUIRE_BROWSER=1 but ${CHROMIUM} is missing: browser tests will fail`);
  }
  return { line: line.join(' | '), warnings };
}

const nodeOptions = [];
const filters = [];
for (const arg of process.argv.slice(2)) {
  if (arg.startsWith('-')) nodeOptions.push(arg);
  else filters.push(arg.replace(/^\.\//, '').split(sep).join('/'));
}

const everything = allTestFiles();
const files = filters.length === 0 ? everything : everything.filter((f) => filters.some((w) => f.includes(w)));
if (files.length === 0) {
  const why = everything.length === 0
    ? 'no *.test.ts files under packages/*/src or bench/'
    : `no test file path contains ${filters.map((w) => `"${w}"`).join(' or ')} (${everything.length} files exist)`;
  console.error(`run-tests: ${why}`);
  process.exit(1);
}

const concurrency = positiveInt('TEST_CONCURRENCY', 1);
const timeoutMs = positiveInt('TEST_TIMEOUT', 600_000);
const summary = environmentSummary();
console.log(`env: ${summary.line}`);
for (const warning of summary.warnings) console.log(`warning: ${warning}`);
console.log(`run-tests: ${files.length} of ${everything.length} test files, concurrency ${concurrency}, timeout ${timeoutMs / 1000}s per file`);

// Spec output for people, plus a TAP copy whose summary lines (# tests, # pass, # fail ...) are printed
// last, so the run always ends with them even when the spec reporter lists failures after its summary.
const tapDir = mkdtempSync(join(tmpdir(), 'payerport-tests-'));
const tapFile = join(tapDir, 'report.tap');
const args = [
  '--conditions=source',
  '--import', 'tsx',
  '--test',
  `--test-concurrency=${concurrency}`,
  `--test-timeout=${timeoutMs}`,
  '--test-reporter=spec', '--test-reporter-destination=stdout',
  '--test-reporter=tap', `--test-reporter-destination=${tapFile}`,
  ...nodeOptions,
  ...files,
];

const child = spawn(process.execPath, args, { cwd: root, stdio: 'inherit' });
const forward = (signal) => child.kill(signal);
process.on('SIGINT', forward);
process.on('SIGTERM', forward);

child.on('error', (error) => {
  console.error(`run-tests: could not start node: ${error.message}`);
  process.exit(1);
});

child.on('exit', (code, signal) => {
  let totals = [];
  try {
    totals = readFileSync(tapFile, 'utf8')
      .split('\n')
      .filter((l) => /^# (tests|suites|pass|fail|cancelled|skipped|todo|duration_ms) /.test(l));
  } catch {
    // The runner died before writing its report; the exit code below still says so.
  }
  rmSync(tapDir, { recursive: true, force: true });
  if (totals.length > 0) console.log(`\n${totals.join('\n')}`);
  if (signal) {
    console.error(`run-tests: test runner killed by ${signal}`);
    process.exit(1);
  }
  process.exit(code ?? 1);
});
