/** Practitioners, each followed by their roles: one per network at their site, then admitting privileges. */
import { practitionerRole, type RoleSite } from './build-practitioner-role.js';
import { practitioner } from './build-practitioner.js';
import type { DirectoryResource } from './datatypes.js';
import type { DirectoryShape } from './directory-shape.js';
import { ID, siteIds } from './ids.js';
import { practitionerFacts, practitionerLinks, type Accepting, type PractitionerFacts } from './practitioner-facts.js';
import { hospitalSite, type SiteBase } from './sites.js';

function roleSite(site: SiteBase, serviceId?: string): RoleSite {
  const ids = siteIds(site.key);
  return { organizationId: ids.organization, locationId: ids.location, serviceId: serviceId ?? ids.service, endpointId: ids.endpoint, phone: site.place.phone, hours: site.hours };
}

/** Where the practitioner's network roles are: their clinic, or their hospital's ER or inpatient service. */
function homeSite(f: PractitionerFacts): RoleSite {
  if (f.site.kind === 'clinic') return roleSite(f.site.clinic);
  const service = `${siteIds(f.site.hospital.key).service}-${f.specialty.code === '207P00000X' ? 'er' : 'inpatient'}`;
  return roleSite(f.site.hospital, service);
}

/**
 * Acceptance per network: the practitioner's own answer, except that some who accept new
 * patients take only existing ones in Medicare Advantage (a common panel limit).
 */
function acceptingIn(f: PractitionerFacts, line: string, k: number): Accepting | undefined {
  if (f.site.kind === 'hospital') return undefined;
  if (line === 'ma' && f.accepting === 'newpt' && (f.index + k) % 4 === 3) return 'existptonly';
  return f.accepting;
}

export function* practitioners(shape: DirectoryShape): Generator<DirectoryResource> {
  const { lastUpdated, seed } = shape;
  for (let i = 0; i < shape.practitioners; i++) {
    const facts = practitionerFacts(shape, i);
    const links = practitionerLinks(shape, i);
    const practitionerId = ID.practitioner(i);
    yield practitioner(practitionerId, facts, seed, lastUpdated);
    const site = homeSite(facts);
    const since = `${Math.max(facts.licensedSince + 1, 2005 + (i % 18))}-${String(1 + (i % 12)).padStart(2, '0')}-01`;
    let k = 0;
    for (const net of links.networks) {
      yield practitionerRole({ id: ID.role(i, k), practitionerId, facts, site, networkId: net.id, accepting: acceptingIn(facts, net.line, k), since, lastUpdated });
      k++;
    }
    if (links.privilegesAt !== undefined) {
      const hospital = hospitalSite(shape, links.privilegesAt);
      const privilegeSite = roleSite(hospital, `${siteIds(hospital.key).service}-inpatient`);
      yield practitionerRole({ id: ID.role(i, k), practitionerId, facts, site: privilegeSite, privileges: true, since, lastUpdated });
    }
  }
}
