import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { testRegistry } from '../testing.js';
import { definitionSource } from './definition-source.js';

describe('definitionSource', async () => {
  const source = definitionSource(await testRegistry());

  it('finds IG resources in the registry, by url or url|version', () => {
    assert.equal(source.valueSet('http://hl7.org/fhir/us/davinci-pdex-plan-net/ValueSet/SpecialtiesVS')?.resourceType, 'ValueSet');
    assert.equal(source.structureDefinition('http://hl7.org/fhir/us/davinci-pdex-plan-net/StructureDefinition/plannet-Location|1.1.0')?.type, 'Location');
  });

  it('falls back to the base R4 terminology and extension definitions the registry does not load', () => {
    assert.equal(source.valueSet('http://hl7.org/fhir/ValueSet/contact-point-system|4.0.1')?.url, 'http://hl7.org/fhir/ValueSet/contact-point-system');
    assert.equal(source.codeSystem('http://terminology.hl7.org/CodeSystem/v2-0203')?.resourceType, 'CodeSystem');
    assert.equal(source.structureDefinition('http://hl7.org/fhir/StructureDefinition/geolocation')?.type, 'Extension');
  });

  it('answers undefined for an unknown canonical or one of another resource type', () => {
    assert.equal(source.valueSet('http://example.org/nope'), undefined);
    assert.equal(source.codeSystem('http://hl7.org/fhir/ValueSet/contact-point-system'), undefined);
  });
});
