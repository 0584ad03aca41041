/**
 * The NUCC Health Care Provider Taxonomy codes the directory uses (http://nucc.org/provider-taxonomy),
 * with the displays of Plan-Net's IndividualAndGroupSpecialtiesVS / NonIndividualSpecialtiesVS
 * (their bindings are required, so only codes from those value sets appear here), and for each
 * individual specialty the Plan-Net provider role, the degrees (HL7 v2 table 0360) and the board
 * that certifies it.
 */

export interface Taxonomy {
  readonly code: string;
  readonly display: string;
}

/** How a kind of practitioner is described, licensed and certified. */
export interface Discipline {
  /** ProviderRoleCS code for PractitionerRole.code. */
  readonly role: string;
  /** v2-0360 degree codes; the first is the most common. */
  readonly degrees: readonly string[];
  /** Prefix of Hawaii licence numbers of this discipline. */
  readonly licencePrefix: string;
  readonly licenceIssuer: string;
}

export interface Specialty extends Taxonomy {
  readonly discipline: Discipline;
  /** Certifying board, when the specialty has one. */
  readonly board: string | undefined;
  /** Words for names of places that focus on it ("Family Medicine"). */
  readonly label: string;
}

const PVL = 'Hawaii Department of Commerce and Consumer Affairs, Professional and Vocational Licensing';

const PHYSICIAN: Discipline = { role: 'ph', degrees: ['MD', 'MD', 'MD', 'MD', 'DO'], licencePrefix: 'MD', licenceIssuer: 'Hawaii Medical Board' };
const NURSE_PRACTITIONER: Discipline = { role: 'crnp', degrees: ['NP', 'MSN'], licencePrefix: 'APRN', licenceIssuer: 'Hawaii Board of Nursing' };
const PHYSICIAN_ASSISTANT: Discipline = { role: 'pa', degrees: ['PA'], licencePrefix: 'PA', licenceIssuer: 'Hawaii Medical Board' };
const MIDWIFE: Discipline = { role: 'cnw', degrees: ['CNM'], licencePrefix: 'APRN', licenceIssuer: 'Hawaii Board of Nursing' };
const PSYCHOLOGIST: Discipline = { role: 'py', degrees: ['PHD'], licencePrefix: 'PSY', licenceIssuer: 'Hawaii Board of Psychology' };
const SOCIAL_WORKER: Discipline = { role: 'sw', degrees: ['MS', 'MA'], licencePrefix: 'CSW', licenceIssuer: PVL };
const COUNSELOR: Discipline = { role: 'co', degrees: ['MA', 'MS'], licencePrefix: 'MHC', licenceIssuer: PVL };

const spec = (code: string, display: string, label: string, discipline: Discipline, board?: string): Specialty =>
  ({ code, display, label, discipline, board });

const ABIM = 'American Board of Internal Medicine';
const AANP = 'American Academy of Nurse Practitioners Certification Board';

export const SPECIALTIES = {
  familyMedicine: spec('207Q00000X', 'Family Medicine Physician', 'Family Medicine', PHYSICIAN, 'American Board of Family Medicine'),
  internalMedicine: spec('207R00000X', 'Internal Medicine Physician', 'Internal Medicine', PHYSICIAN, ABIM),
  pediatrics: spec('208000000X', 'Pediatrics Physician', 'Pediatrics', PHYSICIAN, 'American Board of Pediatrics'),
  obGyn: spec('207V00000X', 'Obstetrics & Gynecology Physician', "Women's Health", PHYSICIAN, 'American Board of Obstetrics and Gynecology'),
  geriatrics: spec('207QG0300X', 'Geriatric Medicine (Family Medicine) Physician', 'Senior Care', PHYSICIAN, 'American Board of Family Medicine'),
  cardiology: spec('207RC0000X', 'Cardiovascular Disease Physician', 'Heart & Vascular', PHYSICIAN, ABIM),
  endocrinology: spec('207RE0101X', 'Endocrinology, Diabetes & Metabolism Physician', 'Diabetes & Endocrinology', PHYSICIAN, ABIM),
  gastroenterology: spec('207RG0100X', 'Gastroenterology Physician', 'Digestive Health', PHYSICIAN, ABIM),
  pulmonology: spec('207RP1001X', 'Pulmonary Disease Physician', 'Lung & Sleep', PHYSICIAN, ABIM),
  nephrology: spec('207RN0300X', 'Nephrology Physician', 'Kidney Care', PHYSICIAN, ABIM),
  oncology: spec('207RX0202X', 'Medical Oncology Physician', 'Cancer Care', PHYSICIAN, ABIM),
  infectious: spec('207RI0200X', 'Infectious Disease Physician', 'Infectious Disease', PHYSICIAN, ABIM),
  allergy: spec('207K00000X', 'Allergy & Immunology Physician', 'Allergy & Asthma', PHYSICIAN, 'American Board of Allergy and Immunology'),
  dermatology: spec('207N00000X', 'Dermatology Physician', 'Dermatology', PHYSICIAN, 'American Board of Dermatology'),
  neurology: spec('2084N0400X', 'Neurology Physician', 'Neurology', PHYSICIAN, 'American Board of Psychiatry and Neurology'),
  psychiatry: spec('2084P0800X', 'Psychiatry Physician', 'Behavioral Health', PHYSICIAN, 'American Board of Psychiatry and Neurology'),
  orthopedics: spec('207X00000X', 'Orthopaedic Surgery Physician', 'Orthopedics', PHYSICIAN, 'American Board of Orthopaedic Surgery'),
  ophthalmology: spec('207W00000X', 'Ophthalmology Physician', 'Eye Care', PHYSICIAN, 'American Board of Ophthalmology'),
  otolaryngology: spec('207Y00000X', 'Otolaryngology Physician', 'Ear, Nose & Throat', PHYSICIAN, 'American Board of Otolaryngology - Head and Neck Surgery'),
  urology: spec('208800000X', 'Urology Physician', 'Urology', PHYSICIAN, 'American Board of Urology'),
  surgery: spec('208600000X', 'Surgery Physician', 'General Surgery', PHYSICIAN, 'American Board of Surgery'),
  emergency: spec('207P00000X', 'Emergency Medicine Physician', 'Emergency Medicine', PHYSICIAN, 'American Board of Emergency Medicine'),
  anesthesiology: spec('207L00000X', 'Anesthesiology Physician', 'Anesthesiology', PHYSICIAN, 'American Board of Anesthesiology'),
  radiology: spec('2085R0202X', 'Diagnostic Radiology Physician', 'Radiology', PHYSICIAN, 'American Board of Radiology'),
  familyNp: spec('363LF0000X', 'Family Nurse Practitioner', 'Family Medicine', NURSE_PRACTITIONER, AANP),
  pediatricNp: spec('363LP0200X', 'Pediatric Nurse Practitioner', 'Pediatrics', NURSE_PRACTITIONER, 'Pediatric Nursing Certification Board'),
  physicianAssistant: spec('363AM0700X', 'Medical Physician Assistant', 'Primary Care', PHYSICIAN_ASSISTANT, 'National Commission on Certification of Physician Assistants'),
  midwife: spec('367A00000X', 'Advanced Practice Midwife', "Women's Health", MIDWIFE, 'American Midwifery Certification Board'),
  psychologist: spec('103T00000X', 'Psychologist', 'Behavioral Health', PSYCHOLOGIST, undefined),
  socialWorker: spec('1041C0700X', 'Clinical Social Worker', 'Behavioral Health', SOCIAL_WORKER, undefined),
  counselor: spec('101YM0800X', 'Mental Health Counselor', 'Behavioral Health', COUNSELOR, undefined),
} as const satisfies Record<string, Specialty>;

export type SpecialtyKey = keyof typeof SPECIALTIES;

/** Facility and group taxonomy codes (NonIndividualSpecialtiesVS). */
export const FACILITY_TAXONOMY = {
  hospital: { code: '282N00000X', display: 'General Acute Care Hospital' },
  criticalAccessHospital: { code: '282NC0060X', display: 'Critical Access Hospital' },
  primaryCareClinic: { code: '261QP2300X', display: 'Primary Care Clinic/Center' },
  multiSpecialtyClinic: { code: '261QM1300X', display: 'Multi-Specialty Clinic/Center' },
  fqhc: { code: '261QF0400X', display: 'Federally Qualified Health Center (FQHC)' },
  urgentCare: { code: '261QU0200X', display: 'Urgent Care Clinic/Center' },
  mentalHealthClinic: { code: '261QM0801X', display: 'Mental Health Clinic/Center (Including Community Mental Health Center)' },
  laboratory: { code: '291U00000X', display: 'Clinical Medical Laboratory' },
  retailPharmacy: { code: '3336C0003X', display: 'Community/Retail Pharmacy' },
  mailOrderPharmacy: { code: '3336M0002X', display: 'Mail Order Pharmacy' },
} as const satisfies Record<string, Taxonomy>;
