/**
 * Data that payerport makes and takes: seeded synthetic data sets (the sandbox directory) and
 * importers of what plans send (provider rosters). Depends on the FHIR kernel and the store only.
 */
// Synthetic Plan-Net provider directory (seeded, streaming) and NPI check digits.
export { syntheticDirectory, SANDBOX_DIRECTORY, type DirectoryOptions, type DirectoryResource } from './directory/synthetic-directory.js';
export { plannedCounts, type DirectoryCounts } from './directory/planned-counts.js';
export { isValidNpi, npiCheckDigit } from './directory/npi.js';
