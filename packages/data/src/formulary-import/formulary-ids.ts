/**
 * Deterministic ids, shaped like the IG's examples, so a re-import finds what the last one wrote:
 * `FormularyDrug-<rxcui>`, `Formulary<formulary id>`, `FormularyItem-<formulary id>-<rxcui>`.
 */
export const drugId = (rxcui: string): string => `FormularyDrug-${rxcui}`;
export const formularyResourceId = (formularyId: string): string => `Formulary${formularyId}`;
export const itemId = (formularyId: string, rxcui: string): string => `FormularyItem-${formularyId}-${rxcui}`;
