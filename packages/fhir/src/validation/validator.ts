/**
 * Profile validation of FHIR R4 resources against the StructureDefinition snapshots of the
 * loaded IG packages, each profile compiled once. See docs/decisions/0007-profile-validator.md.
 */
import type { Registry } from '../definitions/types.js';
import { createCompiler, type Compiler } from './compiler.js';
import type { CompiledProfile } from './compile-profile.js';
import { definitionSource } from './definition-source.js';
import { isObject, type Json } from './json-value.js';
import type { ResourceValidator, ValidateOptions, ValidationReport } from './types.js';
import { validateStructure } from './validate-structure.js';
import { ValidationRun, type NestedValidator } from './validation-run.js';

/** Resources inside resources are checked without a must-support report (the depth is past its limit). */
const NESTED_DEPTH = 2;

/**
 * A validator over the registry's profiles, ValueSets and CodeSystems (plus the base R4
 * terminology). Profiles default to the resource's `meta.profile`; with none that the registry
 * knows, the base definition of the resource type applies.
 */
export function createValidator(registry: Registry): ResourceValidator {
  const compiler = createCompiler(registry, definitionSource(registry));

  const nested: NestedValidator = (resource, location, run, contained) => {
    const saved = { container: run.container, profile: run.profile };
    // `#id` in a contained resource points into the container; a Bundle entry is its own container.
    if (!contained) run.container = resource;
    checkResource(compiler, resource, location, metaProfiles(resource), NESTED_DEPTH, run);
    run.container = saved.container;
    run.profile = saved.profile;
  };

  return {
    validate(resource: unknown, options: ValidateOptions = {}): ValidationReport {
      const run = new ValidationRun(compiler, nested);
      if (!isObject(resource) || typeof resource.resourceType !== 'string') {
        run.error('structure', '', 'Not a FHIR resource: expected a JSON object with a string resourceType');
        return run.report([]);
      }
      run.container = resource;
      try {
        return run.report(checkResource(compiler, resource, resource.resourceType, options.profiles ?? metaProfiles(resource), 0, run));
      } catch (error) {
        // A validator bug or a pathological input (nesting deep enough to exhaust the stack) must not take the import down.
        run.error('exception', resource.resourceType, `Validation stopped: ${(error as Error).message}`);
        return run.report([]);
      }
    },
  };
}

/** Checks a resource against each known profile (or its base definition); returns the canonicals applied. */
function checkResource(compiler: Compiler, resource: Json, location: string, requested: readonly string[], depth: number, run: ValidationRun): string[] {
  const type = String(resource.resourceType);
  if (!compiler.isResourceType(type)) {
    run.error('structure', location, `Unknown resource type "${type}"`);
    return [];
  }
  const profiles: CompiledProfile[] = [];
  for (const canonical of requested) {
    const profile = compiler.profile(canonical);
    if (!profile) run.warning('not-supported', location, `Profile ${canonical} is not in the loaded packages; not checked against it`);
    else if (profile.type !== type) run.error('invalid', location, `Profile ${canonical} constrains ${profile.type}, not ${type}`);
    else profiles.push(profile);
  }
  // A profile's snapshot repeats every rule of the base definition, so the base applies on its own only when no profile does.
  if (profiles.length === 0) {
    const base = compiler.baseDefinition(type);
    if (base) profiles.push(base);
  }
  for (const profile of profiles) {
    run.profile = profile.canonical;
    const structure = profile.root.structure();
    if (structure) validateStructure(structure, resource, location, depth, run);
  }
  return profiles.map((p) => p.canonical);
}

function metaProfiles(resource: Json): string[] {
  const profiles = isObject(resource.meta) ? resource.meta.profile : undefined;
  return Array.isArray(profiles) ? profiles.filter((p): p is string => typeof p === 'string') : [];
}
