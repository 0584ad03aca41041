/**
 * How big each part of a synthetic directory is, from the options. Everything scales with the
 * number of practitioners; a few floors keep even a tiny directory covering every island.
 */
import { ANCHOR_TOWNS, HOSPITAL_SITES } from './hawaii-places.js';

/** Options of syntheticDirectory(): give `practitioners`, or an approximate total `size`. */
export interface DirectoryOptions {
  /** PRNG seed (default 1). Same options, same output, byte for byte. */
  readonly seed?: number;
  /** Number of practitioners; the rest of the directory is sized from it. */
  readonly practitioners?: number;
  /** Approximate number of resources in total (used when `practitioners` is absent). */
  readonly size?: number;
  /** meta.lastUpdated of every resource (default 2025-01-01T00:00:00Z): fixed, so output is reproducible. */
  readonly lastUpdated?: string;
}

export interface DirectoryShape {
  readonly seed: number;
  readonly lastUpdated: string;
  readonly practitioners: number;
  readonly clinics: number;
  readonly hospitals: number;
  readonly labSites: number;
  readonly pharmacies: number;
}

export const LAB_COMPANIES = ['Pacific Island Clinical Laboratories', 'Mālama Diagnostic Laboratories'] as const;
export const PHARMACY_CHAINS = ['Island Drug', 'Hale Ola Pharmacy', 'Kamaʻāina Pharmacy', 'Pono Rx'] as const;

/** Practitioners per clinic, hospital, lab site and pharmacy (roughly what a real directory shows). */
const PER_CLINIC = 8;
const PER_HOSPITAL = 60;
const PER_LAB_SITE = 40;
const PER_PHARMACY = 12;

/**
 * Resources that come with each practitioner (themselves and their roles) and each site (its
 * organization, location, services, endpoint and affiliations), measured on large runs; used only
 * to turn `size` into a practitioner count. plannedCounts() gives the exact figures.
 */
const COST = { fixed: 60, practitioner: 5.1, clinic: 6.9, hospital: 7.1, labSite: 4.0, pharmacy: 4.0 };

/** The practitioner count whose directory comes closest to `size` resources. */
function practitionersFor(size: number): number {
  const estimate = (p: number): number => {
    const s = sizesFor(p);
    return COST.fixed + COST.practitioner * p + COST.clinic * s.clinics + COST.hospital * s.hospitals + COST.labSite * s.labSites + COST.pharmacy * s.pharmacies;
  };
  let lo = 1;
  let hi = Math.max(1, Math.ceil(size / COST.practitioner));
  while (lo < hi) {
    const mid = Math.floor((lo + hi) / 2);
    if (estimate(mid) < size) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function sizesFor(practitioners: number) {
  return {
    clinics: Math.max(ANCHOR_TOWNS.length, Math.ceil(practitioners / PER_CLINIC)),
    hospitals: Math.max(HOSPITAL_SITES.length, Math.ceil(practitioners / PER_HOSPITAL)),
    labSites: Math.max(8, Math.ceil(practitioners / PER_LAB_SITE)),
    pharmacies: Math.max(ANCHOR_TOWNS.length, Math.ceil(practitioners / PER_PHARMACY)),
  };
}

const DEFAULT_LAST_UPDATED = '2025-01-01T00:00:00Z';

/** The sizes a set of options stands for. */
export function directoryShape(options: DirectoryOptions = {}): DirectoryShape {
  const seed = options.seed ?? 1;
  if (!Number.isInteger(seed)) throw new RangeError(`seed must be an integer, got ${seed}`);
  const practitioners = options.practitioners ?? practitionersFor(options.size ?? 4000);
  if (!Number.isInteger(practitioners) || practitioners < 1) {
    throw new RangeError(`practitioners must be a positive integer, got ${practitioners}`);
  }
  return { seed, lastUpdated: options.lastUpdated ?? DEFAULT_LAST_UPDATED, practitioners, ...sizesFor(practitioners) };
}
