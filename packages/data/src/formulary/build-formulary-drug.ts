/** usdf-FormularyDrug (MedicationKnowledge): one per drug, shared by every formulary that lists it. */
import { concept, reference, type DirectoryResource } from '../directory/datatypes.js';
import { DRUG_CLASSES } from './drug-classes.js';
import type { Drug } from './drug-list.js';
import { FORMULARY_ID } from './formulary-ids.js';
import { USDF_PROFILE, USDF_SYSTEM } from './usdf-canonicals.js';

export function formularyDrug(drug: Drug, lastUpdated: string): DirectoryResource {
  const resource: DirectoryResource = {
    resourceType: 'MedicationKnowledge', id: FORMULARY_ID.drug(drug.rxcui),
    meta: { lastUpdated, profile: [USDF_PROFILE.FormularyDrug] },
    code: { coding: [{ system: USDF_SYSTEM.rxnorm, code: drug.rxcui, display: drug.display }], text: drug.display },
    status: 'active',
  };
  if (drug.brand !== undefined) resource.synonym = [drug.brand];
  // RxNorm dose-form codes are not in our sources, so the form travels as text only.
  resource.doseForm = { text: drug.doseForm };
  if (drug.genericRxcui !== undefined) {
    resource.relatedMedicationKnowledge = [{ type: { text: 'Generic equivalent' }, reference: [reference('MedicationKnowledge', FORMULARY_ID.drug(drug.genericRxcui))] }];
  }
  resource.ingredient = drug.ingredient.split(' / ').map((name) => ({ itemCodeableConcept: { text: name }, isActive: true }));
  resource.medicineClassification = [{
    type: { text: 'Therapeutic class (payerport grouping)' },
    classification: [concept(USDF_SYSTEM.therapeuticClass, drug.drugClass, DRUG_CLASSES[drug.drugClass].display)],
  }];
  return resource;
}
