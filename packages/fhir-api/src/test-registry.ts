/** The real registry for fhir-api tests, loaded once per process from FHIR_PACKAGES (default /work/shared/fhir-packages). */
import { loadRegistry, type Registry } from '@payerport/fhir';

let registry: Promise<Registry> | undefined;

export function testRegistry(): Promise<Registry> {
  const dirs = (process.env.FHIR_PACKAGES ?? '/work/shared/fhir-packages').split(':').filter((d) => d !== '');
  registry ??= loadRegistry({ packageDirs: dirs, download: false });
  return registry;
}
