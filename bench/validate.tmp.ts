import { createValidator } from '@payerport/fhir';
import { testRegistry } from '@payerport/fhir/testing';
import { parseCsv } from '../packages/data/src/roster/csv-parser.js';
import { planRoster } from '../packages/data/src/roster/plan-roster.js';
import { withImportTag } from '../packages/data/src/roster/import-tag.js';
import { withSourceChanged } from '../packages/data/src/freshness/source-changed.js';
import { createReadStream } from 'node:fs';
const reg = await testRegistry();
const v = createValidator(reg);
const plan = await planRoster(parseCsv(createReadStream('docs/examples/roster-sample.csv')), { today: '2026-03-01', existingNetworks: async (ids) => new Set(ids) });
for (const r of plan.resources) {
  const res = withSourceChanged(withImportTag(r.resource, 'roster'), '2026-01-01T00:00:00.000Z');
  const rep = v.validate(res);
  console.log(res.resourceType, rep.valid, rep.errors.map((e) => `${e.location}: ${e.message}`), rep.warnings.length, rep.mustSupportMissing.slice(0, 5));
}
