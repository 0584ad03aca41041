import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { compareVersions, formatPackageRef, parsePackageRef, unaliasDependency } from './package-ref.js';

describe('parsePackageRef', () => {
  it('splits id#version', () => {
    assert.deepEqual(parsePackageRef('hl7.fhir.us.davinci-pdex-plan-net#1.1.0'), { id: 'hl7.fhir.us.davinci-pdex-plan-net', version: '1.1.0' });
    assert.equal(formatPackageRef(parsePackageRef(' hl7.fhir.us.core#6.1.0 ')), 'hl7.fhir.us.core#6.1.0');
  });

  it('rejects references without a version, with the expected form in the message', () => {
    assert.throws(() => parsePackageRef('hl7.fhir.us.core'), /expected id#version/);
    assert.throws(() => parsePackageRef('hl7.fhir.us.core#'), /not a FHIR package reference/);
    assert.throws(() => parsePackageRef('#1.0.0'), /not a FHIR package reference/);
  });
});

describe('unaliasDependency', () => {
  it('maps the .vNNN and .N.N.N aliases to the real package at the declared version', () => {
    assert.deepEqual(unaliasDependency({ id: 'hl7.fhir.us.core.v311', version: '3.1.1' }), { id: 'hl7.fhir.us.core', version: '3.1.1' });
    assert.deepEqual(unaliasDependency({ id: 'hl7.fhir.us.core.v610', version: '6.1.0' }), { id: 'hl7.fhir.us.core', version: '6.1.0' });
    assert.deepEqual(unaliasDependency({ id: 'hl7.fhir.us.core.3.1.1', version: '3.1.1' }), { id: 'hl7.fhir.us.core', version: '3.1.1' });
  });

  it('applies to a versioned id written in a package list (hl7.fhir.us.core.v311#3.1.1), by rule rather than by table', () => {
    assert.deepEqual(unaliasDependency(parsePackageRef('hl7.fhir.us.core.v311#3.1.1')), { id: 'hl7.fhir.us.core', version: '3.1.1' });
    assert.deepEqual(unaliasDependency({ id: 'org.example.ig.v1203', version: '1.20.3' }), { id: 'org.example.ig', version: '1.20.3' });
    assert.deepEqual(unaliasDependency({ id: 'hl7.fhir.us.core.v700', version: '7.0.0-ballot' }), { id: 'hl7.fhir.us.core', version: '7.0.0-ballot' });
  });

  it('leaves ids alone when the suffix does not match the version', () => {
    const ref = { id: 'hl7.fhir.uv.ips.v2', version: '2.0.0' };
    assert.equal(unaliasDependency(ref), ref);
    const plain = { id: 'hl7.fhir.us.core', version: '3.1.1' };
    assert.equal(unaliasDependency(plain), plain);
  });
});

describe('compareVersions', () => {
  it('compares numerically and puts pre-releases before releases', () => {
    assert.ok(compareVersions('10.0.0', '9.1.0') > 0);
    assert.ok(compareVersions('5.1.0-cibuild', '5.1.0') < 0);
    assert.ok(compareVersions('5.1.0-cibuild', '5.0.9') > 0);
    assert.equal(compareVersions('1.0', '1.0.0'), 0);
    assert.deepEqual(['6.1.0', '3.1.1', '7.0.0', '3.1.0'].sort(compareVersions), ['3.1.0', '3.1.1', '6.1.0', '7.0.0']);
  });
});
