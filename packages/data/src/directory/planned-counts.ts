/**
 * How many resources of each type a directory will have, without building them: the same fact
 * functions the generator uses, so the numbers are exact (a test holds them to it).
 */
import { directoryShape, LAB_COMPANIES, PHARMACY_CHAINS, type DirectoryOptions } from './directory-shape.js';
import { COUNTIES, ISLANDS } from './hawaii-places.js';
import { byPayer, NETWORKS, PAYERS } from './payers.js';
import { practitionerLinks } from './practitioner-facts.js';
import { clinicSite, hospitalSite, labSite, MAIL_ORDER_PHARMACIES, pharmacySite, type SiteBase } from './sites.js';

export interface DirectoryCounts {
  readonly Endpoint: number;
  readonly HealthcareService: number;
  readonly InsurancePlan: number;
  readonly Location: number;
  readonly Organization: number;
  readonly OrganizationAffiliation: number;
  readonly Practitioner: number;
  readonly PractitionerRole: number;
  readonly total: number;
}

/** Resources per type of syntheticDirectory(options). Costs a pass over the practitioners' links (about 1 µs each). */
export function plannedCounts(options?: DirectoryOptions): DirectoryCounts {
  const shape = directoryShape(options);
  const { hospitals, clinics, labSites, pharmacies, practitioners } = shape;
  const mail = MAIL_ORDER_PHARMACIES.length;
  const chains = LAB_COMPANIES.length + PHARMACY_CHAINS.length;
  const payersOf = (site: SiteBase): number => byPayer(site.networks).length;

  let affiliations = mail * PAYERS.length;
  for (let h = 0; h < hospitals; h++) affiliations += payersOf(hospitalSite(shape, h));
  for (let c = 0; c < clinics; c++) affiliations += payersOf(clinicSite(shape, c)) + 1;
  for (let l = 0; l < labSites; l++) affiliations += payersOf(labSite(shape, l));
  for (let s = 0; s < pharmacies; s++) affiliations += payersOf(pharmacySite(shape, s));

  let roles = 0;
  for (let i = 0; i < practitioners; i++) {
    const links = practitionerLinks(shape, i);
    roles += links.networks.length + (links.privilegesAt === undefined ? 0 : 1);
  }

  const counts = {
    Endpoint: PAYERS.length + mail + chains + hospitals + clinics,
    HealthcareService: mail + 2 * hospitals + clinics + labSites + pharmacies,
    InsurancePlan: NETWORKS.length,
    Location: COUNTIES.length + ISLANDS.length + mail + hospitals + clinics + labSites + pharmacies,
    Organization: PAYERS.length + NETWORKS.length + mail + chains + hospitals + clinics,
    OrganizationAffiliation: affiliations,
    Practitioner: practitioners,
    PractitionerRole: roles,
  };
  return { ...counts, total: Object.values(counts).reduce((a, b) => a + b, 0) };
}
