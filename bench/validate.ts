/**
 * Profile validation throughput: validates 10,000 Plan-Net-shaped PractitionerRole, Practitioner
 * and Location resources (the synthetic directory of @payerport/data) against their meta.profile on one core and
 * prints resources/s. Run by hand, never by `npm test`:
 *
 *   node --conditions=source --import tsx bench/validate.ts [--count 10000] [--rounds 5]
 *
 * Definitions come from FHIR_PACKAGES (default ../shared/fhir-packages), never downloaded.
 *
 * Profiles are compiled by a first validation of each type, timed apart; the figure printed is the
 * median of the passes (the first pass also pays for JIT warm-up).
 */
import { parseArgs } from 'node:util';
import { createValidator, loadRegistry } from '@payerport/fhir';
import { syntheticDirectory } from '@payerport/data';

const TYPES = new Set(['PractitionerRole', 'Practitioner', 'Location']);

const { values } = parseArgs({ options: { count: { type: 'string', default: '10000' }, rounds: { type: 'string', default: '5' } } });
const count = Number(values.count);
const rounds = Number(values.rounds);

const resources: Record<string, unknown>[] = [];
// The three types are most of a directory; ask for enough to fill `count`.
for (const resource of syntheticDirectory({ size: Math.max(20_000, Math.ceil(count * 1.5)) })) {
  if (!TYPES.has(String(resource.resourceType))) continue;
  // The store stamps meta.lastUpdated on write; Plan-Net requires it, so the imported shape has it.
  const meta = resource.meta as Record<string, unknown>;
  resources.push({ ...resource, meta: { ...meta, lastUpdated: '2026-11-28T10:00:00Z' } });
  if (resources.length === count) break;
}

const registry = await loadRegistry({ packageDirs: (process.env.FHIR_PACKAGES || '../shared/fhir-packages').split(':'), download: false });
const validator = createValidator(registry);
// Compiling the three profiles (and reading the base terminology on the first base value set) is a one-off cost, shown apart.
const started = performance.now();
for (const type of TYPES) validator.validate(resources.find((r) => r.resourceType === type));
console.log(`first validation of each type (compiles the profiles): ${(performance.now() - started).toFixed(0)} ms`);

const rates: number[] = [];
let errors = 0;
let notChecked = 0;
const messages = new Map<string, number>();
for (let round = 0; round < rounds; round++) {
  const t0 = performance.now();
  errors = 0;
  notChecked = 0;
  for (const resource of resources) {
    const report = validator.validate(resource);
    errors += report.errors.length;
    notChecked += report.terminologyNotChecked.count;
    if (round === 0) for (const e of report.errors) messages.set(e.message, (messages.get(e.message) ?? 0) + 1);
  }
  const seconds = (performance.now() - t0) / 1000;
  rates.push(resources.length / seconds);
  console.log(`pass ${round + 1}: ${resources.length} resources in ${(seconds * 1000).toFixed(0)} ms = ${Math.round(resources.length / seconds)} resources/s`);
}
rates.sort((a, b) => a - b);
const byType = [...TYPES].map((t) => `${resources.filter((r) => r.resourceType === t).length} ${t}`).join(', ');
console.log(`\n${byType}`);
console.log(`median: ${Math.round(rates[Math.floor(rates.length / 2)]!)} resources/s (one core), errors per pass: ${errors}, coded values not checked: ${notChecked}`);
for (const [message, n] of [...messages].sort((a, b) => b[1] - a[1]).slice(0, 10)) console.log(`  ${n}× ${message}`);
