/**
 * Where care is given, each site with what it references placed before it: endpoint,
 * organization, location, services, then its network participations (one OrganizationAffiliation
 * per payer) and, for clinics, the affiliation with their hospital.
 */
import { directEndpoint, fhirEndpoint } from './build-endpoint.js';
import { healthcareService } from './build-healthcare-service.js';
import { siteLocation } from './build-location.js';
import { hospitalAffiliation, networkParticipation } from './build-organization-affiliation.js';
import { organization } from './build-organization.js';
import { slug } from './contact-details.js';
import type { DirectoryResource } from './datatypes.js';
import { LAB_COMPANIES, PHARMACY_CHAINS, type DirectoryShape } from './directory-shape.js';
import { ISLANDS, town } from './hawaii-places.js';
import { affiliationId, ID, siteIds } from './ids.js';
import { FACILITY_TAXONOMY, SPECIALTIES, type Taxonomy } from './nucc-taxonomy.js';
import { HOURS } from './opening-hours.js';
import { cliaNumber, organizationNpi } from './org-identifiers.js';
import { byPayer } from './payers.js';
import { SYNTHETIC_SYSTEM, SYSTEM } from './plannet-canonicals.js';
import { qualification } from './plannet-extensions.js';
import { clinicSite, hospitalSite, labSite, mailOrderSite, pharmacySite, placeIn, type SiteBase } from './sites.js';
import { labelHash, rngFor } from './prng.js';

const sinceFor = (index: number): string => `${2008 + (index % 15)}-01-01`;

function* participations(shape: DirectoryShape, site: SiteBase, participantId: string, role: string, specialty: Taxonomy, endpointId?: string): Generator<DirectoryResource> {
  const ids = siteIds(site.key);
  for (const [payer, networks] of byPayer(site.networks)) {
    yield networkParticipation({
      id: affiliationId(site.key, payer.key), payerId: ID.payer(payer.key), participantId, networks, role, specialty,
      locationId: ids.location, serviceId: ids.service, endpointId, since: sinceFor(site.index), lastUpdated: shape.lastUpdated,
    });
  }
}

const islandArea = (site: SiteBase): string => ID.island(site.place.town.island);

export function* hospitals(shape: DirectoryShape): Generator<DirectoryResource> {
  const { lastUpdated } = shape;
  for (let h = 0; h < shape.hospitals; h++) {
    const site = hospitalSite(shape, h);
    const ids = siteIds(site.key);
    const taxonomy = site.critical ? FACILITY_TAXONOMY.criticalAccessHospital : FACILITY_TAXONOMY.hospital;
    const domain = `${slug(site.name)}.example.org`;
    yield fhirEndpoint({ id: ids.endpoint, name: `${site.name} FHIR API`, organizationId: ids.organization, address: `https://fhir.${domain}/r4`, usecase: 'TREAT', standard: 'http://hl7.org/fhir/us/core', contactEmail: `interop@${domain}`, lastUpdated });
    yield organization({
      id: ids.organization, name: site.name, type: 'fac', place: site.place, phoneHours: site.hours, website: `https://www.${domain}`,
      npi: organizationNpi('hospital', h, shape.seed), endpointId: ids.endpoint, lastUpdated,
      qualification: qualification({ system: SYNTHETIC_SYSTEM.hawaiiFacilityLicence, value: `HOSP-${String(h + 1).padStart(4, '0')}`, code: { system: SYSTEM.nucc, ...taxonomy }, issuer: 'Hawaii State Department of Health, Office of Health Care Assurance', since: sinceFor(h), state: 'HI' }),
    });
    yield siteLocation({ id: ids.location, name: site.name, place: site.place, hours: site.hours, type: ['HOSP', 'Hospital'], organizationId: ids.organization, endpointId: ids.endpoint, accessibility: ['handiaccess', 'adacomp'], lastUpdated });
    const common = { organizationId: ids.organization, locationId: ids.location, coverageAreaIds: [islandArea(site)], phone: site.place.phone, hours: site.hours, physical: true, endpointId: ids.endpoint, lastUpdated };
    yield healthcareService({ ...common, id: `${ids.service}-er`, name: `${site.name} Emergency Department`, category: ['emerg', 'Emergency care'], specialties: [SPECIALTIES.emergency], appointmentRequired: false, comment: 'Open 24 hours. In an emergency, call 911.' });
    yield healthcareService({ ...common, id: `${ids.service}-inpatient`, name: `${site.name} Inpatient Care`, category: ['hosp', 'Hospital'], specialties: [taxonomy], appointmentRequired: true });
    // Network participation names the inpatient service: that is what a plan contracts for.
    for (const [payer, networks] of byPayer(site.networks)) {
      yield networkParticipation({ id: affiliationId(site.key, payer.key), payerId: ID.payer(payer.key), participantId: ids.organization, networks, role: 'hospital', specialty: taxonomy, locationId: ids.location, serviceId: `${ids.service}-inpatient`, endpointId: ids.endpoint, since: sinceFor(h), lastUpdated });
    }
  }
}

export function* clinics(shape: DirectoryShape): Generator<DirectoryResource> {
  const { lastUpdated } = shape;
  for (let c = 0; c < shape.clinics; c++) {
    const site = clinicSite(shape, c);
    const ids = siteIds(site.key);
    const domain = `${slug(site.name)}.example.org`;
    const { kind } = site;
    yield directEndpoint({ id: ids.endpoint, name: `${site.name} Direct address`, organizationId: ids.organization, directAddress: `${site.key}@direct.${domain}`, contactEmail: `office@${domain}`, lastUpdated });
    yield organization({ id: ids.organization, name: site.name, type: 'prvgrp', place: site.place, phoneHours: site.hours, website: `https://www.${domain}`, npi: organizationNpi('clinic', c, shape.seed), endpointId: ids.endpoint, lastUpdated });
    yield siteLocation({ id: ids.location, name: `${site.name} – ${site.place.town.name}`, place: site.place, hours: site.hours, type: kind.locationType, organizationId: ids.organization, accessibility: site.accessibility, lastUpdated });
    yield healthcareService({
      id: ids.service, name: site.name, organizationId: ids.organization, category: kind.category, types: kind.serviceTypes,
      specialties: [kind.taxonomy, SPECIALTIES[kind.focus]], locationId: ids.location, coverageAreaIds: [islandArea(site)],
      phone: site.place.phone, hours: site.hours, acceptingIn: site.networks, physical: true,
      virtual: site.telehealth ? ['video', 'phone'] : undefined, appointmentRequired: kind.key !== 'urgent', endpointId: ids.endpoint, lastUpdated,
    });
    const role = kind.key === 'urgent' ? 'urgent' : kind.key === 'behavioral' ? 'behavioral' : 'group';
    yield* participations(shape, site, ids.organization, role, kind.taxonomy, ids.endpoint);
    const hospital = siteIds(ID.hospital(site.hospital));
    yield hospitalAffiliation({ id: affiliationId(site.key, 'hospital'), hospitalId: hospital.organization, hospitalLocationId: hospital.location, clinicId: ids.organization, since: sinceFor(c), lastUpdated });
  }
}

const K_CHAIN = labelHash('chain');

/** Lab companies and pharmacy chains, then their sites (a location and a service each). */
export function* labsAndPharmacies(shape: DirectoryShape): Generator<DirectoryResource> {
  const { lastUpdated } = shape;
  const chains = [
    ...LAB_COMPANIES.map((name, k) => ({ key: ID.labCompany(k), name, npi: organizationNpi('labCompany', k, shape.seed), clia: cliaNumber(k) as string | undefined })),
    ...PHARMACY_CHAINS.map((name, k) => ({ key: ID.pharmacyChain(k), name, npi: organizationNpi('pharmacyChain', k, shape.seed), clia: undefined })),
  ];
  for (const [k, chain] of chains.entries()) {
    const ids = siteIds(chain.key);
    const domain = `${slug(chain.name)}.example.org`;
    const place = placeIn(town(k % 2 === 0 ? 'honolulu-kalihi' : 'honolulu-ala-moana'), rngFor(shape.seed, K_CHAIN, k));
    yield fhirEndpoint({ id: ids.endpoint, name: `${chain.name} FHIR API`, organizationId: ids.organization, address: `https://fhir.${domain}/r4`, usecase: 'TREAT', contactEmail: `interop@${domain}`, lastUpdated });
    yield organization({ id: ids.organization, name: chain.name, type: 'fac', place, phoneHours: HOURS.office, website: `https://www.${domain}`, npi: chain.npi, clia: chain.clia, endpointId: ids.endpoint, lastUpdated });
  }
  for (let l = 0; l < shape.labSites; l++) {
    const site = labSite(shape, l);
    const ids = siteIds(site.key);
    const company = siteIds(ID.labCompany(site.company));
    yield siteLocation({ id: ids.location, name: site.name, place: site.place, hours: site.hours, type: ['OUTLAB', 'outpatient laboratory'], organizationId: company.organization, accessibility: ['handiaccess'], lastUpdated });
    yield healthcareService({ id: ids.service, name: `${site.name} – Lab Tests`, organizationId: company.organization, category: ['lab', 'Laboratory'], specialties: [FACILITY_TAXONOMY.laboratory], locationId: ids.location, phone: site.place.phone, hours: site.hours, physical: true, appointmentRequired: false, comment: 'Walk-ins welcome; bring your lab order.', endpointId: company.endpoint, lastUpdated });
    yield* participations(shape, site, company.organization, 'laboratory', FACILITY_TAXONOMY.laboratory, company.endpoint);
  }
  for (let s = 0; s < shape.pharmacies; s++) {
    const site = pharmacySite(shape, s);
    const ids = siteIds(site.key);
    const chain = siteIds(ID.pharmacyChain(site.chain));
    yield siteLocation({ id: ids.location, name: site.name, place: site.place, hours: site.hours, type: ['OUTPHARM', 'outpatient pharmacy'], organizationId: chain.organization, accessibility: ['handiaccess', 'adacomp'], lastUpdated });
    yield healthcareService({ id: ids.service, name: `${site.name} Pharmacy`, organizationId: chain.organization, category: ['pharm', 'Pharmacy'], types: [['537', 'Medication Reviews']], specialties: [FACILITY_TAXONOMY.retailPharmacy], locationId: ids.location, phone: site.place.phone, hours: site.hours, physical: true, appointmentRequired: false, endpointId: chain.endpoint, lastUpdated });
    yield* participations(shape, site, chain.organization, 'pharmacy', FACILITY_TAXONOMY.retailPharmacy, chain.endpoint);
  }
}

/** Mail-order pharmacies: virtual delivery to every island, in every network. */
export function* mailOrderPharmacies(shape: DirectoryShape): Generator<DirectoryResource> {
  const { lastUpdated } = shape;
  for (let m = 0; m < 2; m++) {
    const site = mailOrderSite(shape, m);
    const ids = siteIds(site.key);
    yield fhirEndpoint({ id: ids.endpoint, name: `${site.name} FHIR API`, organizationId: ids.organization, address: `https://fhir.${site.domain}/r4`, usecase: 'TREAT', contactEmail: `interop@${site.domain}`, lastUpdated });
    yield organization({ id: ids.organization, name: site.name, type: 'fac', place: site.place, phoneHours: site.hours, website: `https://www.${site.domain}`, npi: organizationNpi('mailOrder', m, shape.seed), endpointId: ids.endpoint, lastUpdated });
    yield siteLocation({ id: ids.location, name: `${site.name} Dispensing Center`, place: site.place, hours: site.hours, type: ['PHARM', 'Pharmacy'], organizationId: ids.organization, endpointId: ids.endpoint, lastUpdated });
    yield healthcareService({
      id: ids.service, name: `${site.name} – Home Delivery`, organizationId: ids.organization, category: ['pharm', 'Pharmacy'], types: [['537', 'Medication Reviews']],
      specialties: [FACILITY_TAXONOMY.mailOrderPharmacy], locationId: ids.location, coverageAreaIds: ISLANDS.map((i) => ID.island(i.key)),
      phone: site.place.phone, hours: site.hours, physical: false, virtual: ['web', 'app', 'phone'], appointmentRequired: false,
      comment: 'Prescriptions delivered by mail to any address in Hawaii.', endpointId: ids.endpoint, lastUpdated,
    });
    yield* participations(shape, site, ids.organization, 'pharmacy', FACILITY_TAXONOMY.mailOrderPharmacy, ids.endpoint);
  }
}
