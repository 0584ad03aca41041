/** The US Drug Formulary server CapabilityStatement: every parameter and include is served and works on the examples. */
import { capabilityCoverageSuite } from './test-ig-capability.js';

await capabilityCoverageSuite('US Drug Formulary', 'hl7.fhir.us.davinci-drug-formulary@');
