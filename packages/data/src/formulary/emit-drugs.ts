/** The FormularyDrug (MedicationKnowledge) resources of the whole drug list. */
import type { DirectoryResource } from '../directory/datatypes.js';
import { formularyDrug } from './build-formulary-drug.js';
import { DRUGS } from './drug-list.js';

export function* buildFormularyDrugs(lastUpdated: string): Generator<DirectoryResource> {
  for (const drug of DRUGS) yield formularyDrug(drug, lastUpdated);
}
