/**
 * Resource ids of the synthetic directory: readable, stable for a given size and seed, and
 * computable from an entity's index alone, so references need no lookup table.
 * Numbers are 1-based and zero-padded ("pr-000123"); they widen past the padding if needed.
 */
import type { CountyKey, IslandKey } from './hawaii-places.js';

const pad = (index: number, width: number): string => String(index + 1).padStart(width, '0');

export const ID = {
  county: (key: CountyKey) => `area-county-${key}`,
  island: (key: IslandKey) => `area-island-${key}`,
  payer: (key: string) => `org-payer-${key}`,
  payerEndpoint: (key: string) => `ep-payer-${key}`,
  network: (payer: string, line: string) => `net-${payer}-${line}`,
  plan: (payer: string, line: string) => `plan-${payer}-${line}`,
  mailOrder: (m: number) => `mailrx-${m + 1}`,
  labCompany: (k: number) => `labco-${k + 1}`,
  labSite: (l: number) => `lab-${pad(l, 4)}`,
  pharmacyChain: (k: number) => `rxchain-${k + 1}`,
  pharmacy: (s: number) => `rx-${pad(s, 5)}`,
  hospital: (h: number) => `hosp-${pad(h, 4)}`,
  clinic: (c: number) => `clinic-${pad(c, 5)}`,
  practitioner: (i: number) => `pr-${pad(i, 6)}`,
  role: (i: number, k: number) => `prr-${pad(i, 6)}-${k + 1}`,
} as const;

export interface SiteIds {
  readonly organization: string;
  readonly location: string;
  readonly service: string;
  readonly endpoint: string;
}

/** Per-type ids of a site whose key is `key` ("clinic-00012" → "org-clinic-00012", ...). */
export function siteIds(key: string): SiteIds {
  return { organization: `org-${key}`, location: `loc-${key}`, service: `hs-${key}`, endpoint: `ep-${key}` };
}

/** Id of an OrganizationAffiliation of site `key`: per payer ("oa-clinic-00012-kokua") or "hospital". */
export function affiliationId(key: string, suffix: string): string {
  return `oa-${key}-${suffix}`;
}
