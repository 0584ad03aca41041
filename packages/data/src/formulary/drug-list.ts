/**
 * The synthetic formularies' drug list: 378 real RxNorm clinical and branded drugs (SCD, SBD,
 * BPCK), one row each. Codes and display strings are copied from two public sources, never made
 * up (docs/formulary-drugs.md says where from): `vsac` rows come from NLM VSAC eCQM medication
 * value sets as published in canvas-medical/canvas-plugins, `synthea` rows from Synthea's
 * medication cost table. Ingredient, strength and dose form are parsed from the display; the
 * therapeutic class is payerport's own grouping (drug-classes.ts), not an official one.
 */
import type { Drug } from './drug-row.js';
import { CARDIOVASCULAR_DRUGS } from './drugs-cardiovascular.js';
import { MENTAL_HEALTH_DRUGS } from './drugs-mental-health.js';
import { OTHER_DRUGS } from './drugs-other-classes.js';

export type { Drug } from './drug-row.js';

/** Every drug, in a fixed order (the generator draws tiers and restrictions in this order). */
export const DRUGS: readonly Drug[] = [...MENTAL_HEALTH_DRUGS, ...CARDIOVASCULAR_DRUGS, ...OTHER_DRUGS];
