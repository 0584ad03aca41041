import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DEFAULT_PACKAGE_REGISTRIES, formatPackageRegistry, parsePackageRegistries, parsePackageRegistry, tarballUrl } from './package-registries.js';

const ref = { id: 'hl7.fhir.us.davinci-pdex-plan-net', version: '1.2.0' };

describe('package registries', () => {
  it('tries the FHIR package registry, then npm, by default', () => {
    assert.deepEqual(DEFAULT_PACKAGE_REGISTRIES.map(formatPackageRegistry), ['https://packages.fhir.org', 'npm:https://registry.npmjs.org']);
  });

  it('builds the tarball URL of each layout', () => {
    const [fhir, npm] = DEFAULT_PACKAGE_REGISTRIES;
    assert.equal(tarballUrl(ref, fhir!), 'https://packages.fhir.org/hl7.fhir.us.davinci-pdex-plan-net/1.2.0');
    assert.equal(tarballUrl(ref, npm!), 'https://registry.npmjs.org/hl7.fhir.us.davinci-pdex-plan-net/-/hl7.fhir.us.davinci-pdex-plan-net-1.2.0.tgz');
  });

  it('parses configuration text: plain URL = FHIR layout, npm: prefix = npm layout, none = no download', () => {
    assert.deepEqual(parsePackageRegistry('https://fhir.example.org/packages/'), { url: 'https://fhir.example.org/packages', layout: 'fhir' });
    assert.deepEqual(parsePackageRegistry('fhir:http://127.0.0.1:4873'), { url: 'http://127.0.0.1:4873', layout: 'fhir' });
    assert.deepEqual(parsePackageRegistries(' npm:https://npm.example.org , https://packages.fhir.org\nnpm:https://registry.npmjs.org'), [
      { url: 'https://npm.example.org', layout: 'npm' },
      { url: 'https://packages.fhir.org', layout: 'fhir' },
      { url: 'https://registry.npmjs.org', layout: 'npm' },
    ]);
    assert.deepEqual(parsePackageRegistries('none'), []);
  });

  it('rejects what is not an http(s) URL, with the expected form in the message', () => {
    assert.throws(() => parsePackageRegistry('registry.npmjs.org'), /expected an http\(s\) URL, optionally prefixed with npm:/);
    assert.throws(() => parsePackageRegistry('npm:ftp://x.org'), /not a package registry/);
    assert.throws(() => parsePackageRegistry('https://x.org/?q=1'), /not a package registry/);
  });
});
