import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { ConcreteTypes } from './search-param-defs.js';
import { buildSearchParamTable, type SearchParamSource } from './search-param-table.js';

const types: ConcreteTypes = { all: ['Bundle', 'Patient', 'Practitioner'], domain: ['Patient', 'Practitioner'], known: new Set(['Bundle', 'Patient', 'Practitioner']) };
const sp = (code: string, base: string[], expression: string | undefined, url = `http://example.org/${code}/${expression ?? 'none'}`) => ({
  resourceType: 'SearchParameter', url, code, base, type: 'string', ...(expression === undefined ? {} : { expression }),
});
const origin = (source: string, searchParameters: object[], extra: Partial<SearchParamSource> = {}): SearchParamSource => ({
  searchParameters: searchParameters as Record<string, unknown>[],
  source,
  fromBase: source.startsWith('hl7.fhir.r4.core'),
  packageId: source.split('@')[0]!,
  packageVersion: source.split('@')[1]!,
  packageDate: '',
  ...extra,
});

function build(origins: SearchParamSource[]) {
  const warnings: string[] = [];
  const table = buildSearchParamTable(origins, types, { warn: (m) => warnings.push(m), info: () => undefined });
  return { table, warnings };
}

describe('buildSearchParamTable', () => {
  it('expands Resource to every type and DomainResource to DomainResources', () => {
    const { table } = build([origin('hl7.fhir.r4.core@4.0.1', [sp('_id', ['Resource'], 'Resource.id'), sp('_text', ['DomainResource'], undefined)])]);
    assert.equal(table.get('Bundle')?.get('_id')?.expression, 'Bundle.id');
    assert.equal(table.get('Patient')?.get('_id')?.expression, 'Patient.id');
    assert.equal(table.get('Bundle')?.has('_text'), false);
    assert.equal(table.get('Practitioner')?.get('_text')?.expression, undefined);
  });

  it('keeps the base definition over an IG restatement', () => {
    const { table } = build([
      origin('hl7.fhir.r4.core@4.0.1', [sp('name', ['Patient', 'Practitioner'], 'Patient.name | Practitioner.name')]),
      origin('example.ig@1.0.0', [sp('name', ['Patient'], 'Patient.name.family')], { packageDate: '29990101000000' }),
    ]);
    assert.equal(table.get('Patient')?.get('name')?.expression, 'Patient.name');
    assert.equal(table.get('Patient')?.get('name')?.source, 'hl7.fhir.r4.core@4.0.1');
  });

  it('takes an IG definition when the base one has no expression', () => {
    const { table } = build([
      origin('hl7.fhir.r4.core@4.0.1', [sp('_text', ['DomainResource'], undefined)]),
      origin('example.ig@1.0.0', [sp('_text', ['Patient'], 'Patient.text.div')]),
    ]);
    assert.equal(table.get('Patient')?.get('_text')?.expression, 'Patient.text.div');
    assert.equal(table.get('Practitioner')?.get('_text')?.source, 'hl7.fhir.r4.core@4.0.1');
  });

  it('among IGs prefers the newest package, then the higher version, whatever the load order', () => {
    const older = origin('example.core@3.1.1', [sp('race', ['Patient'], 'Patient.extension')], { packageDate: '20200828105409' });
    const newer = origin('example.core@6.1.0', [sp('race', ['Patient'], 'Patient.extension.value')], { packageDate: '20230629124228' });
    assert.equal(build([older, newer]).table.get('Patient')?.get('race')?.source, 'example.core@6.1.0');
    assert.equal(build([newer, older]).table.get('Patient')?.get('race')?.source, 'example.core@6.1.0');
    const undated = [origin('example.core@10.0.0', [sp('race', ['Patient'], 'a')]), origin('example.core@9.0.0', [sp('race', ['Patient'], 'b')])];
    assert.equal(build(undated.reverse()).table.get('Patient')?.get('race')?.source, 'example.core@10.0.0');
  });

  it('warns about unknown base types and skips them', () => {
    const { table, warnings } = build([origin('example.ig@1.0.0', [sp('x', ['Patient', 'Martian'], 'Patient.x')])]);
    assert.ok(table.get('Patient')?.has('x'));
    assert.match(warnings.join('\n'), /unknown base type Martian/);
  });

  it('sorts codes within each type', () => {
    const { table } = build([origin('example.ig@1.0.0', [sp('zeta', ['Patient'], 'Patient.z'), sp('alpha', ['Patient'], 'Patient.a')])]);
    assert.deepEqual([...table.get('Patient')!.keys()], ['alpha', 'zeta']);
  });
});
