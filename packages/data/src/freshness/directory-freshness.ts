/**
 * The directory freshness report: every directory resource whose current version began being
 * served (meta.lastUpdated) more than `limitDays` after its source last changed (the
 * source-changed extension). CMS requires directory updates within 30 days — 42 CFR
 * 422.120(b)(2)(ii), 431.70(b)(2)(ii), and 45 CFR 156.221(d) for the Provider Directory API.
 * Resources without a recorded source change are counted, not judged.
 */
import type { Store } from '@payerport/store';
import { scanResources } from '../roster/scan-resources.js';
import { sourceChangedOf } from './source-changed.js';

/** The Plan-Net resource types (https://hl7.org/fhir/us/davinci-pdex-plan-net/STU1.1/profiles.html). */
export const DIRECTORY_TYPES: readonly string[] = Object.freeze([
  'Endpoint', 'HealthcareService', 'InsurancePlan', 'Location', 'Organization', 'OrganizationAffiliation', 'Practitioner', 'PractitionerRole',
]);

const DAY_MS = 86_400_000;

export interface LateResource {
  readonly type: string;
  readonly id: string;
  readonly sourceChanged: string;
  /** meta.lastUpdated of the current version. */
  readonly served: string;
  /** served − sourceChanged, in days (fractional). */
  readonly lagDays: number;
}

export interface FreshnessReport {
  readonly limitDays: number;
  /** Resources looked at. */
  readonly checked: number;
  /** Of those, how many record a source change. */
  readonly withSource: number;
  /** Oldest lag first. */
  readonly late: LateResource[];
}

export interface FreshnessOptions {
  readonly limitDays: number;
  readonly types?: readonly string[];
}

export async function directoryFreshness(store: Store, env: string, options: FreshnessOptions): Promise<FreshnessReport> {
  let checked = 0;
  let withSource = 0;
  const late: LateResource[] = [];
  for (const type of options.types ?? DIRECTORY_TYPES) {
    for await (const stored of scanResources((q) => store.search(env, q), type)) {
      checked++;
      const sourceChanged = sourceChangedOf(JSON.parse(stored.json) as Record<string, unknown>);
      if (sourceChanged === undefined) continue;
      withSource++;
      const lagDays = (Date.parse(stored.lastUpdated) - Date.parse(sourceChanged)) / DAY_MS;
      if (lagDays > options.limitDays) late.push({ type, id: stored.id, sourceChanged, served: stored.lastUpdated, lagDays });
    }
  }
  late.sort((a, b) => b.lagDays - a.lagDays);
  return { limitDays: options.limitDays, checked, withSource, late };
}
