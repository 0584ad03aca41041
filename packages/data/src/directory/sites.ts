/**
 * Facts about the places care is given (clinics, hospitals, lab sites, pharmacies, mail-order
 * pharmacies), each a pure function of the directory shape and the site's index, so that a
 * practitioner's role can name its clinic's location and networks without anything being kept.
 */
import { CLINIC_KIND_TABLE, CLINIC_KINDS, type ClinicKind } from './clinic-kinds.js';
import { LAB_COMPANIES, PHARMACY_CHAINS, type DirectoryShape } from './directory-shape.js';
import { ANCHOR_TOWNS, HOSPITAL_SITES, TOWNS, town as townByKey, type IslandKey, type Town } from './hawaii-places.js';
import { ID } from './ids.js';
import { FAMILY } from './names.js';
import { HOURS, PHARMACY_HOURS, type Hours } from './opening-hours.js';
import { NETWORKS, networksIn, type Network } from './payers.js';
import { labelHash, pickWeighted, rngFor, weighted, type Rng } from './prng.js';

/** A street address with coordinates and a phone number in a town. */
export interface Place {
  readonly town: Town;
  readonly line: string;
  readonly latitude: number;
  readonly longitude: number;
  readonly phone: string;
}

export interface SiteBase {
  readonly index: number;
  /** Base of the site's resource ids ("clinic-00012"). */
  readonly key: string;
  readonly name: string;
  readonly place: Place;
  readonly hours: Hours;
  readonly networks: readonly Network[];
}

export interface ClinicSite extends SiteBase {
  readonly kind: ClinicKind;
  /** Index of the hospital on the same island where the clinic's doctors admit. */
  readonly hospital: number;
  readonly telehealth: boolean;
  readonly accessibility: readonly string[];
}

export interface HospitalSite extends SiteBase { readonly critical: boolean }
export interface LabSite extends SiteBase { readonly company: number }
export interface PharmacySite extends SiteBase { readonly chain: number }

const TOWN_TABLE = weighted(TOWNS, (t) => t.weight);
const HAWAIIAN_WORDS = ['Mālama', 'Lōkahi', 'Pono', 'Hale Ola', 'Ke Ola', 'Laulima', 'Aloha', 'Makana', 'Nā Pua', 'Mauka', 'Makai', 'Pūnāwai'];
const HOSPITAL_SUFFIXES = ['Medical Center', 'Regional Medical Center', 'Memorial Hospital'];

const round5 = (x: number): number => Math.round(x * 1e5) / 1e5;

/** A random address within `town`: uniform over a disc of the town's radius. */
export function placeIn(town: Town, rng: Rng): Place {
  const r = town.radiusKm * Math.sqrt(rng.next());
  const angle = 2 * Math.PI * rng.next();
  const latitude = town.latitude + (r * Math.sin(angle)) / 110.574;
  const longitude = town.longitude + (r * Math.cos(angle)) / (111.32 * Math.cos((town.latitude * Math.PI) / 180));
  const line = `${10 + rng.int(2990)} ${rng.pick(town.streets)}`;
  const phone = `(808) ${rng.pick(town.exchanges)}-${String(rng.int(10000)).padStart(4, '0')}`;
  return { town, line, latitude: round5(latitude), longitude: round5(longitude), phone };
}

/** Anchors first (so every size covers the main towns), then towns by weight. */
function townFor(index: number, rng: Rng): Town {
  return index < ANCHOR_TOWNS.length ? (ANCHOR_TOWNS[index] as Town) : pickWeighted(rng, TOWN_TABLE);
}

/** Each network open in the county with probability p (all of them for anchors), at least one. */
function chooseNetworks(town: Town, anchor: boolean, p: number, rng: Rng): readonly Network[] {
  const open = networksIn(town.county);
  if (anchor) return open;
  const chosen = open.filter(() => rng.chance(p));
  return chosen.length > 0 ? chosen : [rng.pick(open)];
}

const K_CLINIC = labelHash('clinic');
const K_HOSPITAL = labelHash('hospital');
const K_LAB = labelHash('lab');
const K_PHARMACY = labelHash('pharmacy');

export function clinicSite(shape: DirectoryShape, c: number): ClinicSite {
  const rng = rngFor(shape.seed, K_CLINIC, c);
  const anchor = c < ANCHOR_TOWNS.length;
  const town = townFor(c, rng);
  const kind = anchor ? (CLINIC_KINDS[0] as ClinicKind) : pickWeighted(rng, CLINIC_KIND_TABLE);
  const style = anchor ? 0 : rng.int(10);
  const prefix = style < 5 ? town.name : style < 8 ? rng.pick(HAWAIIAN_WORDS) : rng.pick(FAMILY);
  const accessibility = ['handiaccess', 'adacomp'].concat(town.weight >= 20 && rng.chance(0.7) ? ['pubtrans'] : []);
  return {
    index: c, key: ID.clinic(c), kind,
    name: `${prefix} ${rng.pick(kind.nameSuffixes)}`,
    place: placeIn(town, rng),
    hours: rng.pick(kind.hours),
    networks: chooseNetworks(town, anchor, 0.6, rng),
    hospital: hospitalOnIsland(shape, town.island, rng),
    telehealth: rng.chance(0.4),
    accessibility,
  };
}

export function hospitalSite(shape: DirectoryShape, h: number): HospitalSite {
  const rng = rngFor(shape.seed, K_HOSPITAL, h);
  const slot = h % HOSPITAL_SITES.length;
  const campus = Math.floor(h / HOSPITAL_SITES.length);
  const { town, critical } = HOSPITAL_SITES[slot] as (typeof HOSPITAL_SITES)[number];
  const base = critical ? `${town.name} Community Hospital` : `${town.name} ${HOSPITAL_SUFFIXES[slot % HOSPITAL_SUFFIXES.length]}`;
  return {
    index: h, key: ID.hospital(h), critical,
    name: campus === 0 ? base : `${base} Campus ${campus + 1}`,
    place: placeIn(town, rng),
    hours: HOURS.always,
    // Hospitals contract with every network open in their county.
    networks: networksIn(town.county),
  };
}

export function labSite(shape: DirectoryShape, l: number): LabSite {
  const rng = rngFor(shape.seed, K_LAB, l);
  const town = townFor(l, rng);
  const company = l % LAB_COMPANIES.length;
  return {
    index: l, key: ID.labSite(l), company,
    name: `${LAB_COMPANIES[company]} – ${town.name} Patient Service Center`,
    place: placeIn(town, rng),
    hours: town.weight >= 10 ? HOURS.laboratory : HOURS.laboratoryWeekdays,
    networks: networksIn(town.county),
  };
}

export function pharmacySite(shape: DirectoryShape, s: number): PharmacySite {
  const rng = rngFor(shape.seed, K_PHARMACY, s);
  const town = townFor(s, rng);
  const chain = s % PHARMACY_CHAINS.length;
  return {
    index: s, key: ID.pharmacy(s), chain,
    name: `${PHARMACY_CHAINS[chain]} ${town.name}`,
    place: placeIn(town, rng),
    hours: PHARMACY_HOURS[rng.int(PHARMACY_HOURS.length)] as Hours,
    networks: networksIn(town.county),
  };
}

/** The two mail-order pharmacies: statewide, in every network. */
export const MAIL_ORDER_PHARMACIES: readonly { name: string; town: Town; domain: string }[] = [
  { name: 'Kōkua Mail Pharmacy Services', town: townByKey('honolulu-salt-lake'), domain: 'kokuamailrx.example.org' },
  { name: 'ʻĀina Home Delivery Pharmacy', town: townByKey('kapolei'), domain: 'ainahomerx.example.org' },
];

const slotsOn = (island: IslandKey): readonly number[] => HOSPITAL_SITES.flatMap((site, slot) => (site.town.island === island ? [slot] : []));
const SLOTS_BY_ISLAND: Record<IslandKey, readonly number[]> = {
  hawaii: slotsOn('hawaii'), maui: slotsOn('maui'), oahu: slotsOn('oahu'), kauai: slotsOn('kauai'), molokai: slotsOn('molokai'), lanai: slotsOn('lanai'),
};

/** A hospital on `island`: one of its hospital sites, any campus of it. */
function hospitalOnIsland(shape: DirectoryShape, island: IslandKey, rng: Rng): number {
  const slots = SLOTS_BY_ISLAND[island];
  const slot = rng.pick(slots);
  const L = HOSPITAL_SITES.length;
  const campuses = Math.floor((shape.hospitals - 1 - slot) / L) + 1;
  return slot + L * rng.int(campuses);
}

const K_MAIL = labelHash('mail-order');

/** Mail-order pharmacy m: statewide, in every network. */
export function mailOrderSite(shape: DirectoryShape, m: number): SiteBase & { readonly domain: string } {
  const { name, town, domain } = MAIL_ORDER_PHARMACIES[m] as (typeof MAIL_ORDER_PHARMACIES)[number];
  return { index: m, key: ID.mailOrder(m), name, domain, place: placeIn(town, rngFor(shape.seed, K_MAIL, m)), hours: HOURS.callCenter, networks: NETWORKS };
}
