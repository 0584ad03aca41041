/**
 * Data that payerport makes and takes: seeded synthetic data sets (the sandbox directory and
 * formularies) and importers of what plans send (provider rosters, formulary files). Depends on
 * the FHIR kernel and the store only.
 */
// Provider roster import (CSV, and the shared apply step for FHIR NDJSON/Bundles) and directory freshness.
export { importRosterCsv, fileDefaults, type RosterFileOptions } from './roster/import-roster-file.js';
export { applyImport, type ImportOptions, type ImportProgress } from './roster/apply-import.js';
export type { ImportPlan, PlannedResource, RejectedRow } from './roster/import-plan.js';
export type { ImportSummary, TypeCounts } from './roster/import-summary.js';
export type { ValidateResource } from './roster/screen-resources.js';
export { IMPORT_SOURCE_SYSTEM, DEFAULT_IMPORT_SOURCE } from './roster/import-tag.js';
export { ROSTER_COLUMNS, type RosterColumn, type RosterRow } from './roster/roster-columns.js';
export { CsvParser, parseCsv, type CsvItem } from './roster/csv-parser.js';
export { SOURCE_CHANGED_URL, sourceChangedOf } from './freshness/source-changed.js';
export { directoryFreshness, DIRECTORY_TYPES, type FreshnessReport, type LateResource } from './freshness/directory-freshness.js';
// Synthetic Plan-Net provider directory (seeded, streaming) and NPI check digits.
export { syntheticDirectory, SANDBOX_DIRECTORY, type DirectoryOptions, type DirectoryResource } from './directory/synthetic-directory.js';
export { plannedCounts, type DirectoryCounts } from './directory/planned-counts.js';
export { isValidNpi, npiCheckDigit } from './directory/npi.js';
export { profileValidation } from './roster/profile-validation.js';
// Formulary file import (Da Vinci US Drug Formulary 2.0.1): CMS-style CSV + drug names, or FHIR; atomic version replacement.
export { importFormularyCsv, type FormularyFileOptions } from './formulary-import/import-formulary-file.js';
export { applyFormularyPlan, type FormularyImportOptions } from './formulary-import/apply-formulary.js';
export { formularyPlanFromFhir } from './formulary-import/plan-formulary-fhir.js';
export type { FormularyPlan, FormularyVersionPlan } from './formulary-import/formulary-plan.js';
export type { FormularySummary, FormularyOutcome } from './formulary-import/formulary-summary.js';
export { FORMULARY_COLUMNS, DRUG_COLUMNS } from './formulary-import/formulary-columns.js';
export { TIER_CODES } from './formulary-import/usdf-terms.js';
// Synthetic Da Vinci US Drug Formulary data for the directory's plans (seeded, streaming).
export { syntheticFormularies, SANDBOX_FORMULARIES, type FormularyOptions } from './formulary/synthetic-formularies.js';
export { DRUGS, type Drug } from './formulary/drug-list.js';
// Sandbox test members (CARIN BB 2.0.0 Patient, Coverage, RelatedPerson and payer Organization) and their sign-ins.
export {
  syntheticMembers, testMemberLogins, SANDBOX_MEMBERS,
  type MemberOptions, type SyntheticMembers, type TestMember, type TestMemberLogin, type CoveredPerson,
  type MemberExtension, type MemberContext, type ClaimVolume, type Representation, type ProductKey,
} from './members/synthetic-members.js';
