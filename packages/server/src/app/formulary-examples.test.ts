/** US Drug Formulary 2.0.1: every example is found by every search parameter that yields a value for it. */
import { exampleSearchSuite } from './test-ig-examples.js';

await exampleSearchSuite('US Drug Formulary', 'hl7.fhir.us.davinci-drug-formulary@', {
  versions: ['hl7.fhir.us.davinci-drug-formulary@2.0.1'],
  minExamples: 20,
  minCases: 100,
});
