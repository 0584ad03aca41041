/** Plan-Net 1.1.0 and 1.2.0: every example is found by every search parameter that yields a value for it. */
import { exampleSearchSuite } from './test-ig-examples.js';

await exampleSearchSuite('Plan-Net', 'hl7.fhir.us.davinci-pdex-plan-net@', {
  versions: ['hl7.fhir.us.davinci-pdex-plan-net@1.1.0', 'hl7.fhir.us.davinci-pdex-plan-net@1.2.0'],
  minExamples: 40,
  minCases: 300,
});
