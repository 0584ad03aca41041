/**
 * The synthetic Plan-Net provider directory: a seeded, streaming generator of a Hawaii health
 * plan directory, from the sandbox's few thousand resources to millions for benchmarks.
 * Resources come out referenced-first (areas, payers, networks and plans, facilities, then
 * practitioners and their roles), and nothing is kept between resources, so memory stays flat.
 */
import type { DirectoryResource } from './datatypes.js';
import { directoryShape, type DirectoryOptions } from './directory-shape.js';
import { coverageAreas, payersAndPlans } from './emit-plans.js';
import { practitioners } from './emit-practitioners.js';
import { clinics, hospitals, labsAndPharmacies, mailOrderPharmacies } from './emit-sites.js';

export type { DirectoryResource } from './datatypes.js';
export type { DirectoryOptions } from './directory-shape.js';

/** The sandbox's directory (`npm start`): about 3,700 resources. */
export const SANDBOX_DIRECTORY: DirectoryOptions = Object.freeze({ seed: 808, practitioners: 600 });

/** Streams the directory's resources; the same options always give the same resources, in the same order. */
export function* syntheticDirectory(options: DirectoryOptions = SANDBOX_DIRECTORY): Generator<DirectoryResource> {
  const shape = directoryShape(options);
  yield* coverageAreas(shape);
  yield* payersAndPlans(shape);
  yield* mailOrderPharmacies(shape);
  yield* hospitals(shape);
  yield* clinics(shape);
  yield* labsAndPharmacies(shape);
  yield* practitioners(shape);
}
