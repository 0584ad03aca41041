/** Importing a roster CSV: the resources it makes, idempotence, history, bad rows — on every dialect. */
import assert from 'node:assert/strict';
import { utimesSync, writeFileSync } from 'node:fs';
import { before, it } from 'node:test';
import { parseSearch } from '@payerport/fhir';
import { testRegistry } from '@payerport/fhir/testing';
import type { SqlStore } from '@payerport/store';
import { forEachDialect } from '@payerport/store/testing';
import { SOURCE_CHANGED_URL } from '../freshness/source-changed.js';
import { importRosterCsv } from './import-roster-file.js';
import { IMPORT_SOURCE_SYSTEM } from './import-tag.js';
import { locationKey, locationResourceId, roleId } from './resource-ids.js';
import type { RosterRow } from './roster-columns.js';
import { ENV, current, npi, openRosterStore, rosterCsv, tempFile, versionCount } from './test-roster.js';

// Loose JSON for assertions on resource content.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Loose = any;

const TODAY = '2026-03-01';
const LOC_MAIN = locationResourceId(locationKey({ addressLine1: '1 Main St', city: 'Hartford', state: 'CT', zip: '06103' } as RosterRow));
const LOC_ELM = locationResourceId(locationKey({ addressLine1: '9 Elm St', city: 'Hartford', state: 'CT', zip: '06103' } as RosterRow));
const roleOf = (n: number, loc: { addressLine1: string }, network: string): string =>
  roleId(npi(n), locationKey({ ...loc, city: 'Hartford', state: 'CT', zip: '06103' } as RosterRow), network);

// Two practitioners; Ada works at two locations and in two networks at the first: 3 roles, 2 locations.
const ROWS: Record<string, string>[] = [
  { npi: npi(1), languages: 'en;es' },
  { npi: npi(1), network_id: 'net-b', languages: 'fr', source_last_changed: '2026-02-01' },
  { npi: npi(1), address_line1: '9 Elm St', location_name: 'Elm Clinic', accepting_new_patients: 'existptonly' },
  { npi: npi(2), first_name: 'Grace', last_name: 'Hopper', specialty_codes: '208D00000X;207Q00000X', effective_end: '2025-06-30' },
];

forEachDialect('roster import', (open) => {
  let store: SqlStore;
  before(async () => {
    store = await openRosterStore(open);
  });

  it('maps rows to Plan-Net Practitioners, Locations and PractitionerRoles, shared resources merged', async () => {
    const path = tempFile('roster.csv', rosterCsv(ROWS));
    const summary = await importRosterCsv(store, ENV, path, { today: TODAY, sourceChanged: '2026-02-15T00:00:00.000Z' });
    assert.deepEqual(summary.rejected, []);
    assert.deepEqual([summary.rows, summary.created, summary.updated, summary.unchanged, summary.ended], [4, 7, 0, 0, 1]);
    assert.deepEqual(summary.byType.PractitionerRole, { created: 3, updated: 0, unchanged: 0, ended: 1 });
    assert.deepEqual([summary.byType.Practitioner?.created, summary.byType.Location?.created], [2, 2]);

    const ada: Loose = await current(store, 'Practitioner', `npi-${npi(1)}`);
    assert.deepEqual(ada.meta.profile, ['http://hl7.org/fhir/us/davinci-pdex-plan-net/StructureDefinition/plannet-Practitioner']);
    assert.deepEqual(ada.meta.tag, [{ system: IMPORT_SOURCE_SYSTEM, code: 'roster' }]);
    assert.deepEqual(ada.identifier[0].system, 'http://hl7.org/fhir/sid/us-npi');
    assert.equal(ada.identifier[0].value, npi(1));
    assert.deepEqual(ada.name, [{ use: 'official', text: 'Ada Lovelace', family: 'Lovelace', given: ['Ada'] }]);
    assert.equal(ada.active, true);
    // Languages are the union over the practitioner's rows.
    assert.deepEqual(ada.communication.map((c: Loose) => c.coding[0].code), ['en', 'es', 'fr']);
    // Some of Ada's rows have no source_last_changed: the Practitioner takes the file's time.
    assert.deepEqual(ada.meta.extension, [{ url: SOURCE_CHANGED_URL, valueDateTime: '2026-02-15T00:00:00.000Z' }]);

    const loc: Loose = await current(store, 'Location', LOC_MAIN);
    assert.equal(loc.status, 'active');
    assert.equal(loc.name, 'Main Street Clinic');
    assert.deepEqual(loc.address, { use: 'work', type: 'physical', line: ['1 Main St'], city: 'Hartford', state: 'CT', postalCode: '06103', country: 'US' });

    const role: Loose = await current(store, 'PractitionerRole', roleOf(1, { addressLine1: '1 Main St' }, 'net-b'));
    assert.deepEqual(role.meta.profile, ['http://hl7.org/fhir/us/davinci-pdex-plan-net/StructureDefinition/plannet-PractitionerRole']);
    assert.deepEqual(role.meta.extension, [{ url: SOURCE_CHANGED_URL, valueDateTime: '2026-02-01T00:00:00.000Z' }]);
    const ext = (url: string): Loose => role.extension.find((e: Loose) => e.url.endsWith(url));
    assert.deepEqual(ext('/network-reference').valueReference, { reference: 'Organization/net-b' });
    assert.deepEqual(ext('/newpatients').extension, [
      { url: 'acceptingPatients', valueCodeableConcept: { coding: [{ system: 'http://hl7.org/fhir/us/davinci-pdex-plan-net/CodeSystem/AcceptingPatientsCS', code: 'newpt' }] } },
      { url: 'fromNetwork', valueReference: { reference: 'Organization/net-b' } },
    ]);
    assert.deepEqual(role.practitioner, { reference: `Practitioner/npi-${npi(1)}` });
    assert.deepEqual(role.location, [{ reference: `Location/${LOC_MAIN}` }]);
    assert.deepEqual(role.specialty, [{ coding: [{ system: 'http://nucc.org/provider-taxonomy', code: '207R00000X' }] }]);
    assert.deepEqual(role.code, [{ coding: [{ system: 'http://hl7.org/fhir/us/davinci-pdex-plan-net/CodeSystem/ProviderRoleCS', code: 'ph' }] }]);
    assert.deepEqual(role.telecom, [{ system: 'phone', value: '860-555-0100', use: 'work' }]);
    assert.deepEqual([role.active, role.period], [true, { start: '2025-01-01' }]);

    const elm: Loose = await current(store, 'PractitionerRole', roleOf(1, { addressLine1: '9 Elm St' }, 'net-a'));
    assert.deepEqual(elm.location, [{ reference: `Location/${LOC_ELM}` }]);
    assert.equal(elm.extension[0].extension[0].valueCodeableConcept.coding[0].code, 'existptonly');
    // An effective_end before today: one conformant version (active, end-dated) in history, then deleted.
    const graceId = roleOf(2, { addressLine1: '1 Main St' }, 'net-a');
    assert.equal(await current(store, 'PractitionerRole', graceId), undefined);
    const graceHistory = await store.history(ENV, { type: 'PractitionerRole', id: graceId, count: 10 });
    assert.deepEqual(graceHistory.entries.map((e) => [e.versionId, e.method]), [[2, 'delete'], [1, 'create']]);
    const grace: Loose = JSON.parse((await store.vread(ENV, 'PractitionerRole', graceId, 1))!.json);
    assert.deepEqual([grace.active, grace.period], [true, { start: '2025-01-01', end: '2025-06-30' }]);
    assert.deepEqual(grace.specialty.map((s: Loose) => s.coding[0].code), ['208D00000X', '207Q00000X']);

    // The roles are indexed as Plan-Net searches expect.
    const registry = await testRegistry();
    const q = parseSearch(registry, 'PractitionerRole', [['network', 'Organization/net-a'], ['specialty', '207R00000X']], { lenient: false, defaultCount: 50, maxCount: 50 });
    const found = await store.search(ENV, q);
    assert.deepEqual(found.matches.map((m) => m.id).sort(), [roleOf(1, { addressLine1: '1 Main St' }, 'net-a'), roleOf(1, { addressLine1: '9 Elm St' }, 'net-a')].sort());
  });

  it('changes nothing when the same file is imported again, even saved again later', async () => {
    const path = tempFile('roster.csv', rosterCsv(ROWS));
    const versions = await versionCount(store);
    const first = await importRosterCsv(store, ENV, path, { today: TODAY, sourceChanged: '2026-02-15T00:00:00.000Z' });
    assert.deepEqual([first.created, first.updated, first.unchanged], [0, 0, 8]);
    // A newer modification time alone is not a change of content.
    utimesSync(path, new Date(), new Date());
    const again = await importRosterCsv(store, ENV, path, { today: TODAY });
    assert.deepEqual([again.created, again.updated, again.unchanged, again.rejected.length], [0, 0, 8, 0]);
    assert.equal(await versionCount(store), versions);
  });

  it('updates a changed row as a new version and keeps the old one in history', async () => {
    const changed = ROWS.map((r, i) => (i === 0 ? { ...r, phone: '(860) 555-0199', accepting_new_patients: 'no' } : r));
    const path = tempFile('roster.csv', rosterCsv(changed));
    utimesSync(path, new Date('2026-02-20T12:00:00Z'), new Date('2026-02-20T12:00:00Z'));
    const summary = await importRosterCsv(store, ENV, path, { today: TODAY });
    assert.deepEqual([summary.created, summary.updated, summary.unchanged], [0, 1, 7]);
    const id = roleOf(1, { addressLine1: '1 Main St' }, 'net-a');
    const role: Loose = await current(store, 'PractitionerRole', id);
    assert.equal(role.meta.versionId, '2');
    assert.equal(role.telecom[0].value, '860-555-0199');
    assert.equal(role.extension[0].extension[0].valueCodeableConcept.coding[0].code, 'nopt');
    // The source time of the new version is the file's modification time.
    assert.equal(role.meta.extension[0].valueDateTime, '2026-02-20T12:00:00.000Z');
    const history = await store.history(ENV, { type: 'PractitionerRole', id, count: 10 });
    assert.deepEqual(history.entries.map((e) => e.versionId).sort(), [1, 2]);
    const v1: Loose = JSON.parse((await store.vread(ENV, 'PractitionerRole', id, 1))!.json);
    assert.equal(v1.telecom[0].value, '860-555-0100');
  });

  it('rejects broken rows with their line numbers and reasons, and writes the valid ones', async () => {
    const text = [
      rosterCsv([{ npi: npi(10), first_name: 'Valid' }]).trimEnd(),
      // line 3: bad NPI check digit
      rosterCsv([{ npi: '1234567890' }]).split('\r\n')[1],
      // line 4: wrong column count
      'only,three,fields',
      // line 5: unknown network
      rosterCsv([{ npi: npi(11), network_id: 'net-zzz' }]).split('\r\n')[1],
      // line 6: several bad values at once
      rosterCsv([{ npi: npi(12), zip: '6103', phone: '555', effective_start: '2025-13-01', specialty_codes: 'cardiology' }]).split('\r\n')[1],
      // line 7: valid
      rosterCsv([{ npi: npi(13), first_name: 'Also' }]).split('\r\n')[1],
      // line 8 onwards: an unterminated quote swallows the rest of the file
      `${npi(14)},"Open,Quote`,
      rosterCsv([{ npi: npi(15) }]).split('\r\n')[1],
    ].join('\r\n');
    const summary = await importRosterCsv(store, ENV, tempFile('bad.csv', text), { today: TODAY });
    assert.deepEqual(summary.rejected.map((r) => r.line), [3, 4, 5, 6, 8]);
    const reason = (line: number): string => summary.rejected.find((r) => r.line === line)!.reason;
    assert.match(reason(3), /npi: NPI 1234567890 has a wrong check digit/);
    assert.match(reason(4), /has 3 fields, the header has 22/);
    assert.match(reason(5), /network_id "net-zzz": no Organization\/net-zzz/);
    assert.match(reason(6), /specialty_codes: .*NUCC.*; zip: .*leading zeros.*; phone: .*; effective_start: .*does not exist/);
    assert.match(reason(8), /unterminated quoted field/);
    assert.equal(summary.written, true);
    assert.ok(await current(store, 'Practitioner', `npi-${npi(10)}`));
    assert.ok(await current(store, 'Practitioner', `npi-${npi(13)}`));
    for (const n of [11, 12, 14, 15]) assert.equal(await current(store, 'Practitioner', `npi-${npi(n)}`), undefined, `npi ${n}`);
  });

  it('rejects rows that contradict an earlier row about a shared resource, or repeat a role', async () => {
    const summary = await importRosterCsv(store, ENV, tempFile('conflict.csv', rosterCsv([
      { npi: npi(20) },
      { npi: npi(20), last_name: 'Byron', network_id: 'net-b' },
      { npi: npi(20), phone: '860-555-0111' },
      { npi: npi(21), location_id: 'SITE-1', address_line1: '5 Oak St' },
      { npi: npi(22), location_id: 'SITE-1', address_line1: '6 Oak St' },
    ])), { today: TODAY });
    assert.deepEqual(summary.rejected, [
      { line: 3, reason: 'last_name "Byron" contradicts line 2 ("Lovelace") for the same npi ' + npi(20) },
      { line: 4, reason: 'repeats line 2 (same npi, location and network_id)' },
      { line: 6, reason: 'address_line1 "6 Oak St" contradicts line 5 ("5 Oak St") for the same location_id SITE-1' },
    ]);
    const site: Loose = await current(store, 'Location', locationResourceId('id:SITE-1'));
    assert.deepEqual(site.identifier, [{ use: 'secondary', value: 'SITE-1' }]);
  });

  it('reports unknown and missing headers once, up front, and writes nothing', async () => {
    const versions = await versionCount(store);
    const text = rosterCsv([{ npi: npi(30) }]).replace('first_name', 'frist_name').replace(',phone,', ',');
    const summary = await importRosterCsv(store, ENV, tempFile('headers.csv', text), { today: TODAY });
    assert.equal(summary.written, false);
    assert.deepEqual(summary.fatal?.slice(0, 2), ['header: unknown column "frist_name" (column 2)', 'header: missing required columns: first_name, phone']);
    assert.equal(await versionCount(store), versions);
    const empty = await importRosterCsv(store, ENV, tempFile('empty.csv', ''), { today: TODAY });
    assert.deepEqual(empty.fatal, ['the file is empty (no header line)']);
  });

  it('accepts headers in any order and case, and a BOM', async () => {
    const path = tempFile('loose.csv', '\ufeffNPI,Last Name,First-Name,specialty_codes,Location Name,address_line1,city,state,zip,phone,accepting_new_patients,network_id,effective_start\n' +
      `${npi(40)},Curie,Marie,207R00000X,Main Street Clinic,1 Main St,Hartford,ct,6103-,8605550100,Y,net-a,1/2/2025\n` +
      `${npi(41)},Noether,Emmy,207R00000X,Main Street Clinic,1 Main St,Hartford,ct,06103,8605550100,Y,net-a,1/2/2025\n`);
    const summary = await importRosterCsv(store, ENV, path, { today: TODAY });
    assert.deepEqual(summary.rejected.map((r) => r.line), [2]);
    const role: Loose = await current(store, 'PractitionerRole', roleOf(41, { addressLine1: '1 Main St' }, 'net-a'));
    assert.deepEqual(role.period, { start: '2025-01-02' });
  });

  it('runs the validation hook: a non-conforming Practitioner takes its rows (and their roles) with it', async () => {
    const path = tempFile('validate.csv', rosterCsv([{ npi: npi(50), last_name: 'Bad' }, { npi: npi(50), last_name: 'Bad', network_id: 'net-b' }, { npi: npi(51) }]));
    const summary = await importRosterCsv(store, ENV, path, {
      today: TODAY,
      validate: (r) => (r.resourceType === 'Practitioner' && (r.name as Loose)[0].family === 'Bad' ? ['Practitioner.name: not allowed'] : []),
    });
    assert.deepEqual(summary.rejected.map((r) => r.line), [2, 3]);
    assert.match(summary.rejected[0]!.reason, new RegExp(`Practitioner/npi-${npi(50)} does not conform: Practitioner.name: not allowed`));
    assert.equal(await current(store, 'Practitioner', `npi-${npi(50)}`), undefined);
    assert.equal(await current(store, 'PractitionerRole', roleOf(50, { addressLine1: '1 Main St' }, 'net-a')), undefined);
    assert.ok(await current(store, 'PractitionerRole', roleOf(51, { addressLine1: '1 Main St' }, 'net-a')));
  });

  it('reports an unknown environment without reading the file', async () => {
    const summary = await importRosterCsv(store, 'staging', tempFile('x.csv', rosterCsv([{}])), { today: TODAY });
    assert.match(summary.fatal?.[0] ?? '', /unknown environment "staging"/);
  });

  it('finds nothing changed when the same rows come in another order', async () => {
    const path = tempFile('roster.csv', '');
    writeFileSync(path, rosterCsv([ROWS[3]!, ROWS[2]!, ROWS[1]!, { ...ROWS[0]!, phone: '(860) 555-0199', accepting_new_patients: 'no' }]));
    const summary = await importRosterCsv(store, ENV, path, { today: TODAY });
    assert.deepEqual([summary.created, summary.updated, summary.unchanged], [0, 0, 8]);
  });
});
