import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import fhirpath from 'fhirpath';
import r4 from 'fhirpath/fhir-context/r4';
import { defaultTestRegistry, defaultTestRegistryLog } from './test-packages.js';
import type { Registry } from './types.js';

let registry: Registry;
before(async () => {
  registry = await defaultTestRegistry();
});

const param = (type: string, code: string) => {
  const def = registry.searchParam(type, code);
  assert.ok(def, `${type}?${code} should be defined`);
  return def;
};

describe('default IG set: packages', () => {
  it('loads core first, dependencies before dependents, both Plan-Net and all three US Core versions', () => {
    const ids = registry.packages().map((p) => `${p.id}#${p.version}`);
    assert.equal(ids[0], 'hl7.fhir.r4.core#4.0.1');
    for (const id of ['hl7.fhir.us.davinci-pdex-plan-net#1.1.0', 'hl7.fhir.us.davinci-pdex-plan-net#1.2.0', 'hl7.fhir.us.davinci-drug-formulary#2.0.1',
      'hl7.fhir.us.carin-bb#2.0.0', 'hl7.fhir.us.davinci-pdex#2.0.0', 'hl7.fhir.us.core#3.1.1', 'hl7.fhir.us.core#6.1.0',
      'hl7.fhir.us.core#7.0.0', 'hl7.fhir.us.davinci-hrex#1.0.0']) {
      assert.ok(ids.includes(id), id);
    }
    assert.equal(new Set(ids).size, ids.length, 'each package once');
    assert.ok(ids.indexOf('hl7.fhir.us.core#3.1.1') < ids.indexOf('hl7.fhir.us.davinci-pdex-plan-net#1.1.0'));
    assert.ok(ids.indexOf('hl7.fhir.us.davinci-pdex-plan-net#1.1.0') < ids.indexOf('hl7.fhir.us.davinci-drug-formulary#2.0.1'));
    assert.ok(ids.indexOf('hl7.fhir.us.davinci-hrex#1.0.0') < ids.indexOf('hl7.fhir.us.davinci-pdex#2.0.0'));
    // Plan-Net 1.2.0's us.core.v311 / .v610 aliases and us.core 7.0.0 come before it.
    for (const dep of ['hl7.fhir.us.core#3.1.1', 'hl7.fhir.us.core#6.1.0', 'hl7.fhir.us.core#7.0.0']) {
      assert.ok(ids.indexOf(dep) < ids.indexOf('hl7.fhir.us.davinci-pdex-plan-net#1.2.0'), dep);
    }
    assert.equal(ids.some((id) => id.startsWith('hl7.terminology')), false, 'terminology is not loaded');
  });

  it('warns once about the optional packages, and once about HRex 1.1.0 when only another version is here', () => {
    const [optional, ...others] = defaultTestRegistryLog.warn;
    assert.match(optional ?? '', /^11 optional FHIR packages are not available; continuing without them/);
    const hrex11 = registry.packages().some((p) => p.id === 'hl7.fhir.us.davinci-hrex' && p.version === '1.1.0');
    // Where a registry has HRex 1.1.0 (packages.fhir.org does), it is downloaded and loaded as declared.
    assert.deepEqual(others, hrex11 ? [] : [
      'FHIR package hl7.fhir.us.davinci-hrex#1.1.0 (required by hl7.fhir.us.davinci-pdex-plan-net#1.2.0) was not found; using version 1.0.0, the nearest one available here',
    ]);
  });

  it('records the ImplementationGuide url and title', () => {
    const planNet = registry.packages().find((p) => p.id === 'hl7.fhir.us.davinci-pdex-plan-net');
    assert.equal(planNet?.igUrl, 'http://hl7.org/fhir/us/davinci-pdex-plan-net/ImplementationGuide/hl7.fhir.us.davinci-pdex-plan-net');
    assert.equal(planNet?.title, 'DaVinci PDEX Plan Net');
    assert.match(planNet?.location ?? '', /plan-net-1\.1\.0\.tgz$/);
    const planNet12 = registry.packages().find((p) => p.id === 'hl7.fhir.us.davinci-pdex-plan-net' && p.version === '1.2.0');
    assert.equal(planNet12?.igUrl, planNet?.igUrl, 'one guide, two versions');
  });
});

describe('default IG set: search parameters', () => {
  it('gives Practitioner name, family, given (string) and the Resource-level _id', () => {
    for (const code of ['name', 'family', 'given']) assert.equal(param('Practitioner', code).type, 'string', code);
    assert.equal(param('Practitioner', 'name').expression, 'Practitioner.name');
    assert.equal(param('Practitioner', 'family').expression, 'Practitioner.name.family');
    const id = param('Practitioner', '_id');
    assert.equal(id.type, 'token');
    assert.equal(id.expression, 'Practitioner.id');
  });

  it('applies Resource params to every type and DomainResource params to DomainResources only', () => {
    for (const type of registry.resourceTypes()) {
      for (const code of ['_id', '_lastUpdated', '_tag', '_profile', '_security', '_source']) assert.ok(registry.searchParam(type, code), `${type}?${code}`);
    }
    assert.equal(param('Bundle', '_lastUpdated').expression, 'Bundle.meta.lastUpdated');
    assert.equal(param('Patient', '_text').expression, undefined);
    assert.equal(registry.searchParam('Bundle', '_text'), undefined);
  });

  it("has Plan-Net's PractitionerRole network, location and specialty", () => {
    const network = param('PractitionerRole', 'network');
    // Both Plan-Net versions define it identically (same URL); the newer build is the one kept.
    assert.equal(network.source, 'hl7.fhir.us.davinci-pdex-plan-net@1.2.0');
    assert.deepEqual(network.target, ['Organization']);
    assert.match(network.expression ?? '', /network-reference/);
    assert.deepEqual(param('PractitionerRole', 'location').target, ['Location']);
    assert.equal(param('PractitionerRole', 'specialty').type, 'token');
  });

  it("has Plan-Net's Organization coverage-area and Formulary's InsurancePlan formulary-coverage", () => {
    const area = param('Organization', 'coverage-area');
    assert.deepEqual(area.target, ['Location']);
    assert.equal(area.source, 'hl7.fhir.us.davinci-pdex-plan-net@1.2.0');
    const formulary = param('InsurancePlan', 'formulary-coverage');
    assert.equal(formulary.source, 'hl7.fhir.us.davinci-drug-formulary@2.0.1');
    assert.deepEqual(formulary.target, ['InsurancePlan']);
  });

  it('has the four SearchParameters Plan-Net 1.2.0 adds', () => {
    const added = [['HealthcareService', 'delivery-method'], ['InsurancePlan', 'network'], ['Organization', 'period'], ['Practitioner', 'period']] as const;
    for (const [type, code] of added) {
      const def = param(type, code);
      assert.equal(def.source, 'hl7.fhir.us.davinci-pdex-plan-net@1.2.0', `${type}?${code}`);
      assert.equal(def.url, `http://hl7.org/fhir/us/davinci-pdex-plan-net/SearchParameter/${type.toLowerCase()}-${code}`);
    }
    assert.equal(param('InsurancePlan', 'network').type, 'reference');
    assert.equal(param('Practitioner', 'period').type, 'date');
  });

  it('splits shared base expressions so each type sees only its own part', () => {
    const patientOfCarePlan = param('CarePlan', 'patient');
    assert.equal(patientOfCarePlan.expression, 'CarePlan.subject.where(resolve() is Patient)');
    assert.ok(patientOfCarePlan.base.includes('AllergyIntolerance'), 'base keeps every type the parameter applies to');
    assert.equal(param('AllergyIntolerance', 'patient').expression, 'AllergyIntolerance.patient');
  });

  it('prefers base definitions over IG restatements, and the newest IG among IGs', () => {
    // Formulary restates _lastUpdated for InsurancePlan; base wins.
    assert.equal(param('InsurancePlan', '_lastUpdated').source, 'hl7.fhir.r4.core@4.0.1');
    // US Core 3.1.1 restates Organization?name without alias; base (name | alias) wins.
    assert.equal(param('Organization', 'name').expression, 'Organization.name | Organization.alias');
    // race is not in base; US Core 7.0.0 (2024, a dependency of Plan-Net 1.2.0) beats 6.1.0 (2023) and 3.1.1 (2020).
    assert.equal(param('Patient', 'race').source, 'hl7.fhir.us.core@7.0.0');
  });

  it('fills composite components and HRex parameters from a dependency', () => {
    const composite = param('Observation', 'code-value-quantity');
    assert.equal(composite.type, 'composite');
    assert.deepEqual(composite.components?.map((c) => c.definition), [
      'http://hl7.org/fhir/SearchParameter/clinical-code',
      'http://hl7.org/fhir/SearchParameter/Observation-value-quantity',
    ]);
    assert.equal(param('Coverage', 'subscriber-id').source, 'hl7.fhir.us.davinci-hrex@1.0.0');
  });

  it('has expressions that compile as FHIRPath for their type', () => {
    let compiled = 0;
    for (const type of registry.resourceTypes()) {
      for (const def of registry.searchParams(type).values()) {
        if (def.expression === undefined) continue;
        assert.doesNotThrow(() => fhirpath.compile(def.expression!, r4), `${type}?${def.code}: ${def.expression}`);
        compiled++;
      }
    }
    assert.ok(compiled > 1500, `compiled ${compiled}`);
  });
});

describe('default IG set: resources, profiles, statements, examples', () => {
  it('serves _summary facts for Patient', () => {
    const patient = registry.resourceType('Patient');
    assert.ok(patient?.summaryElements.has('name'));
    assert.equal(patient?.summaryElements.has('contact'), false);
    assert.equal(registry.resourceType('Nope'), undefined);
    assert.equal(registry.resourceTypes().length, 146);
  });

  it('lists IG profiles per type, from both US Core versions', () => {
    const urls = registry.profiles('Practitioner').map((p) => `${p.url}|${p.version}`);
    assert.ok(urls.includes('http://hl7.org/fhir/us/davinci-pdex-plan-net/StructureDefinition/plannet-Practitioner|1.1.0'));
    assert.ok(urls.includes('http://hl7.org/fhir/us/davinci-pdex-plan-net/StructureDefinition/plannet-Practitioner|1.2.0'));
    assert.ok(urls.includes('http://hl7.org/fhir/us/core/StructureDefinition/us-core-practitioner|3.1.1'));
    assert.ok(urls.includes('http://hl7.org/fhir/us/core/StructureDefinition/us-core-practitioner|6.1.0'));
    assert.ok(registry.profiles('ExplanationOfBenefit').some((p) => p.name === 'C4BBExplanationOfBenefitInpatientInstitutional'));
    assert.equal(registry.profiles('Extension').length, 0, 'extensions are not resource profiles');
  });

  it('ships the IG CapabilityStatements', () => {
    const urls = registry.capabilityStatements().map((c) => c.url);
    assert.ok(urls.includes('http://hl7.org/fhir/us/davinci-pdex-plan-net/CapabilityStatement/plan-net'));
    assert.ok(urls.includes('http://hl7.org/fhir/us/davinci-drug-formulary/CapabilityStatement/usdf-server'));
    const planNet = registry.capabilityStatements().filter((c) => c.url.endsWith('/plan-net'));
    assert.deepEqual(planNet.map((c) => [c.source, c.resource.version]), [
      ['hl7.fhir.us.davinci-pdex-plan-net@1.1.0', '1.1.0'],
      ['hl7.fhir.us.davinci-pdex-plan-net@1.2.0', '1.2.0'],
    ]);
    assert.equal(planNet[0]?.resource.resourceType, 'CapabilityStatement');
  });

  it('yields the example resources of the IG packages', () => {
    const examples = [...registry.examples()];
    for (const version of ['1.1.0', '1.2.0']) {
      const planNet = examples.filter((e) => e.source === `hl7.fhir.us.davinci-pdex-plan-net@${version}`);
      assert.equal(planNet.length, 49, version);
      assert.ok(planNet.some((e) => e.resource.resourceType === 'PractitionerRole'), version);
    }
    assert.ok(examples.some((e) => e.source === 'hl7.fhir.us.davinci-drug-formulary@2.0.1' && e.resource.resourceType === 'InsurancePlan'));
    assert.equal(examples.some((e) => e.resource.resourceType === 'SearchParameter'), false);
  });

  it('resolves canonical URLs, with and without a version', () => {
    const usCorePatient = 'http://hl7.org/fhir/us/core/StructureDefinition/us-core-patient';
    assert.equal(registry.resolveCanonical(usCorePatient)?.version, '7.0.0', 'a bare URL gives the newest version loaded');
    assert.equal(registry.resolveCanonical(`${usCorePatient}|3.1.1`)?.version, '3.1.1');
    assert.equal(registry.resolveCanonical(`${usCorePatient}|6.1.0`)?.version, '6.1.0');
    const planNetPractitioner = 'http://hl7.org/fhir/us/davinci-pdex-plan-net/StructureDefinition/plannet-Practitioner';
    assert.equal(registry.resolveCanonical(planNetPractitioner)?.version, '1.2.0');
    assert.equal(registry.resolveCanonical(`${planNetPractitioner}|1.1.0`)?.version, '1.1.0');
    assert.equal(registry.resolveCanonical(`${planNetPractitioner}|1.2.0`)?.version, '1.2.0');
    assert.equal(registry.resolveCanonical(`${usCorePatient}|9.9.9`), undefined);
    assert.equal(registry.resolveCanonical('http://hl7.org/fhir/SearchParameter/Patient-name')?.resourceType, 'SearchParameter');
    assert.equal(registry.resolveCanonical('http://hl7.org/fhir/StructureDefinition/Patient')?.type, 'Patient');
    assert.equal(registry.resolveCanonical('http://hl7.org/fhir/StructureDefinition/HumanName')?.kind, 'complex-type');
    assert.equal(registry.resolveCanonical('http://example.org/nothing'), undefined);
  });

  it('hands out frozen shared resources', () => {
    const sp = registry.resolveCanonical('http://hl7.org/fhir/us/davinci-pdex-plan-net/SearchParameter/practitionerrole-network');
    assert.ok(sp && Object.isFrozen(sp));
    assert.throws(() => {
      (sp as { code: string }).code = 'changed';
    }, TypeError);
  });
});
