/**
 * Facts about practitioner i: where they work, what they do, their names, languages, licence
 * and the networks they are in. Nine in ten work in a clinic, one in ten in a hospital. The first
 * practitioner of each clinic has the clinic's focus specialty, is in all its networks and
 * accepts new patients: that keeps the documented directory questions answerable at any size.
 */
import { HOSPITAL_STAFF } from './clinic-kinds.js';
import type { DirectoryShape } from './directory-shape.js';
import { ENGLISH, FAMILY, FEMALE_GIVEN, INITIALS, MALE_GIVEN, OTHER_LANGUAGES, type Language } from './names.js';
import { SPECIALTIES, type Specialty } from './nucc-taxonomy.js';
import type { Network } from './payers.js';
import { labelHash, pickWeighted, rngFor, weighted } from './prng.js';
import { clinicSite, hospitalSite, type ClinicSite, type HospitalSite } from './sites.js';

export type Accepting = 'newpt' | 'existptonly' | 'existptfam' | 'nopt';

export interface PractitionerFacts {
  readonly index: number;
  readonly site: { readonly kind: 'clinic'; readonly clinic: ClinicSite } | { readonly kind: 'hospital'; readonly hospital: HospitalSite };
  readonly specialty: Specialty;
  readonly gender: 'female' | 'male';
  readonly given: string;
  readonly middleInitial: string | undefined;
  readonly family: string;
  readonly degree: string;
  readonly licence: string;
  readonly licensedSince: number;
  readonly boardCertified: boolean;
  /** English first, then up to two other languages. */
  readonly languages: readonly Language[];
  readonly accepting: Accepting;
}

/** Networks of the practitioner and where else they practise; drawn from a separate stream so counting is cheap. */
export interface PractitionerLinks {
  readonly networks: readonly Network[];
  /** Hospital where the practitioner has admitting privileges, if any. */
  readonly privilegesAt: number | undefined;
}

const K_PRACTITIONER = labelHash('practitioner');
const K_LINKS = labelHash('practitioner-links');
const LANGUAGE_TABLE = weighted(OTHER_LANGUAGES, (l) => l.weight);
const ACCEPTING_TABLE = weighted<Accepting>(['newpt', 'existptonly', 'existptfam', 'nopt'], (a) => ({ newpt: 60, existptonly: 15, existptfam: 10, nopt: 15 })[a]);

/** Practitioner i works in a hospital when i % 10 === 9; otherwise in clinic (j mod clinics), j counting clinic staff. */
function placement(shape: DirectoryShape, i: number): { clinic: number; first: boolean } | { hospital: number } {
  if (i % 10 === 9) return { hospital: Math.floor(i / 10) % shape.hospitals };
  const j = i - Math.floor((i + 1) / 10);
  return { clinic: j % shape.clinics, first: j < shape.clinics };
}

/** Where practitioner i works and their specialty: the first draw of their stream, shared by facts and links. */
function siteAndSpecialty(shape: DirectoryShape, i: number) {
  const rng = rngFor(shape.seed, K_PRACTITIONER, i);
  const where = placement(shape, i);
  if ('hospital' in where) {
    const hospital = hospitalSite(shape, where.hospital);
    return { rng, first: false, site: { kind: 'hospital', hospital } as const, specialty: SPECIALTIES[pickWeighted(rng, HOSPITAL_STAFF)] as Specialty };
  }
  const clinic = clinicSite(shape, where.clinic);
  const specialty: Specialty = SPECIALTIES[where.first ? clinic.kind.focus : pickWeighted(rng, clinic.kind.staff)];
  return { rng, first: where.first, site: { kind: 'clinic', clinic } as const, specialty };
}

export function practitionerFacts(shape: DirectoryShape, i: number): PractitionerFacts {
  const { rng, first, site, specialty } = siteAndSpecialty(shape, i);
  const gender = rng.chance(0.55) ? 'female' : 'male';
  const languages = [ENGLISH];
  if (rng.chance(0.45)) languages.push(pickWeighted(rng, LANGUAGE_TABLE));
  if (rng.chance(0.1)) {
    const another = pickWeighted(rng, LANGUAGE_TABLE);
    if (!languages.includes(another)) languages.push(another);
  }
  const { discipline } = specialty;
  return {
    index: i, site, specialty, gender,
    given: rng.pick(gender === 'female' ? FEMALE_GIVEN : MALE_GIVEN),
    middleInitial: rng.chance(0.6) ? INITIALS[rng.int(INITIALS.length)] : undefined,
    family: rng.pick(FAMILY),
    degree: rng.pick(discipline.degrees),
    // Unique within a prefix: the number is the practitioner's ordinal.
    licence: `${discipline.licencePrefix}-${10001 + i}`,
    licensedSince: 1988 + rng.int(35),
    boardCertified: specialty.board !== undefined && rng.chance(0.85),
    languages,
    accepting: first ? 'newpt' : pickWeighted(rng, ACCEPTING_TABLE),
  };
}

/** The practitioner's networks (a subset of their site's) and hospital privileges (physicians in clinics). */
export function practitionerLinks(shape: DirectoryShape, i: number): PractitionerLinks {
  const { first, site, specialty } = siteAndSpecialty(shape, i);
  if (site.kind === 'hospital') return { networks: site.hospital.networks, privilegesAt: undefined };
  const rng = rngFor(shape.seed, K_LINKS, i);
  let networks = site.clinic.networks;
  if (!first) {
    const kept = networks.filter(() => rng.chance(0.9));
    networks = kept.length > 0 ? kept : [networks[0] as Network];
  }
  const admits = specialty.discipline.role === 'ph' && (first || rng.chance(0.35));
  return { networks, privilegesAt: admits ? site.clinic.hospital : undefined };
}
