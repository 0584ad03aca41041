/**
 * Kinds of clinics (medical groups) in the directory: what they are called, how their location
 * and service are coded, their hours, and the mix of practitioners who work there.
 */
import type { Hours } from './opening-hours.js';
import { HOURS } from './opening-hours.js';
import { FACILITY_TAXONOMY, type SpecialtyKey, type Taxonomy } from './nucc-taxonomy.js';
import { weighted, type Weighted } from './prng.js';

export interface ClinicKind {
  readonly key: string;
  readonly weight: number;
  readonly taxonomy: Taxonomy;
  /** The specialty of a clinic's first practitioner and of its HealthcareService. */
  readonly focus: SpecialtyKey;
  /** v3-RoleCode (ServiceDeliveryLocationRoleType) for Location.type. */
  readonly locationType: readonly [code: string, display: string];
  /** HealthcareServiceCategoryCS code and display. */
  readonly category: readonly [code: string, display: string];
  /** service-type codes from Plan-Net's HealthcareServiceTypeVS. */
  readonly serviceTypes: readonly (readonly [code: string, display: string])[];
  readonly nameSuffixes: readonly string[];
  readonly hours: readonly Hours[];
  readonly staff: Weighted<SpecialtyKey>;
}

const staff = (mix: Partial<Record<SpecialtyKey, number>>): Weighted<SpecialtyKey> =>
  weighted(Object.keys(mix) as SpecialtyKey[], (k) => mix[k] ?? 0);

export const CLINIC_KINDS: readonly ClinicKind[] = [
  {
    key: 'primary', weight: 30, taxonomy: FACILITY_TAXONOMY.primaryCareClinic, focus: 'familyMedicine',
    locationType: ['FMC', 'Family medicine clinic'], category: ['prov', 'Medical Provider'],
    serviceTypes: [['554', 'Chronic Disease Management']],
    nameSuffixes: ['Family Medicine', 'Family Health Center', 'Primary Care'],
    hours: [HOURS.office, HOURS.officeWithSaturday, HOURS.officeLateWeekdays],
    staff: staff({ familyMedicine: 40, internalMedicine: 15, familyNp: 15, physicianAssistant: 10, pediatrics: 8, geriatrics: 5, socialWorker: 7 }),
  },
  {
    key: 'internal', weight: 12, taxonomy: FACILITY_TAXONOMY.primaryCareClinic, focus: 'internalMedicine',
    locationType: ['GIM', 'General internal medicine clinic'], category: ['prov', 'Medical Provider'],
    serviceTypes: [['554', 'Chronic Disease Management']],
    nameSuffixes: ['Internal Medicine', 'Adult Medicine Associates'],
    hours: [HOURS.office, HOURS.officeLateWeekdays],
    staff: staff({ internalMedicine: 45, cardiology: 10, endocrinology: 10, gastroenterology: 8, pulmonology: 7, nephrology: 5, infectious: 3, familyNp: 12 }),
  },
  {
    key: 'pediatrics', weight: 10, taxonomy: FACILITY_TAXONOMY.primaryCareClinic, focus: 'pediatrics',
    locationType: ['PEDC', 'Pediatrics clinic'], category: ['prov', 'Medical Provider'],
    serviceTypes: [['495', 'Youth Health']],
    nameSuffixes: ['Pediatrics', 'Keiki Clinic'],
    hours: [HOURS.office, HOURS.officeWithSaturday],
    staff: staff({ pediatrics: 70, pediatricNp: 20, familyMedicine: 10 }),
  },
  {
    key: 'womens', weight: 8, taxonomy: FACILITY_TAXONOMY.multiSpecialtyClinic, focus: 'obGyn',
    locationType: ['OB', 'Obstetrics clinic'], category: ['prov', 'Medical Provider'],
    serviceTypes: [['559', "Women's Health"], ['409', 'Postnatal']],
    nameSuffixes: ["Women's Health", 'OB/GYN Associates'],
    hours: [HOURS.office],
    staff: staff({ obGyn: 65, midwife: 20, familyNp: 15 }),
  },
  {
    key: 'behavioral', weight: 8, taxonomy: FACILITY_TAXONOMY.mentalHealthClinic, focus: 'psychiatry',
    locationType: ['PSY', 'Psychiatry clinic'], category: ['behav', 'Behavioral Health'],
    serviceTypes: [['316', 'Depression'], ['76', 'Health Counselling']],
    nameSuffixes: ['Behavioral Health', 'Counseling Center'],
    hours: [HOURS.office, HOURS.officeLateWeekdays],
    staff: staff({ psychiatry: 25, psychologist: 30, socialWorker: 25, counselor: 20 }),
  },
  {
    key: 'specialty', weight: 12, taxonomy: FACILITY_TAXONOMY.multiSpecialtyClinic, focus: 'cardiology',
    locationType: ['OF', 'Outpatient facility'], category: ['outpat', 'Clinic or Outpatient Facility'],
    serviceTypes: [],
    nameSuffixes: ['Specialty Clinic', 'Medical Specialists'],
    hours: [HOURS.office],
    staff: staff({ cardiology: 15, orthopedics: 15, dermatology: 12, neurology: 10, otolaryngology: 8, urology: 8, ophthalmology: 10, allergy: 7, oncology: 8, gastroenterology: 7 }),
  },
  {
    key: 'fqhc', weight: 8, taxonomy: FACILITY_TAXONOMY.fqhc, focus: 'familyMedicine',
    locationType: ['PC', 'Primary care clinic'], category: ['outpat', 'Clinic or Outpatient Facility'],
    serviceTypes: [['130', 'Interpreting/Multilingual Service'], ['554', 'Chronic Disease Management']],
    nameSuffixes: ['Community Health Center'],
    hours: [HOURS.officeWithSaturday],
    staff: staff({ familyMedicine: 35, internalMedicine: 10, pediatrics: 12, familyNp: 20, physicianAssistant: 8, socialWorker: 8, counselor: 7 }),
  },
  {
    key: 'urgent', weight: 6, taxonomy: FACILITY_TAXONOMY.urgentCare, focus: 'familyMedicine',
    locationType: ['OF', 'Outpatient facility'], category: ['urg', 'Urgent Care'],
    serviceTypes: [],
    nameSuffixes: ['Urgent Care'],
    hours: [HOURS.urgentCare],
    staff: staff({ familyMedicine: 40, emergency: 25, physicianAssistant: 20, familyNp: 15 }),
  },
];

export const CLINIC_KIND_TABLE = weighted(CLINIC_KINDS, (k) => k.weight);

/** Specialties of hospital-employed practitioners. */
export const HOSPITAL_STAFF = staff({ emergency: 35, internalMedicine: 20, anesthesiology: 15, radiology: 10, surgery: 10, orthopedics: 5, cardiology: 5 });
