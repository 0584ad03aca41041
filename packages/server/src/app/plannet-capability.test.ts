/** The Plan-Net server CapabilityStatements (1.1.0, 1.2.0): every parameter, include and revinclude is served and works. */
import { capabilityCoverageSuite } from './test-ig-capability.js';

await capabilityCoverageSuite('Plan-Net', 'hl7.fhir.us.davinci-pdex-plan-net@');
