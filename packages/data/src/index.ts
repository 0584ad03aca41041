/**
 * Data that payerport makes and takes: seeded synthetic data sets (the sandbox directory) and
 * importers of what plans send (provider rosters). Depends on the FHIR kernel and the store only.
 */
export {};
