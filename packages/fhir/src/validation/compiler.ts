/**
 * The compile-once caches behind a validator: profiles by canonical, base type definitions,
 * value-set membership tests and reference target types. Nothing here is re-read per resource.
 */
import type { Registry } from '../definitions/types.js';
import { compileProfile, type CompiledProfile } from './compile-profile.js';
import type { DefinitionSource } from './definition-source.js';
import type { ElementRule, TypeRule } from './element-rule.js';
import { valueSetMembership, type ValueSetMembership } from './value-set-membership.js';

const BASE = 'http://hl7.org/fhir/StructureDefinition/';

export interface Compiler {
  readonly source: DefinitionSource;
  /** A profile (or any StructureDefinition) by `url` or `url|version`; undefined when unknown or without snapshot. */
  profile(canonical: string): CompiledProfile | undefined;
  /** The base definition of a data type or resource type. */
  baseDefinition(type: string): CompiledProfile | undefined;
  valueSet(url: string): ValueSetMembership;
  /** Resource types a Reference of this type may point at; undefined = any. */
  targetTypes(type: TypeRule): ReadonlySet<string> | undefined;
  isResourceType(type: string): boolean;
  /** The element a `contentReference` names, in the profile of `from` or the one its URL gives. */
  contentReference(from: ElementRule): ElementRule | undefined;
}

export function createCompiler(registry: Registry, source: DefinitionSource): Compiler {
  const profiles = new Map<string, CompiledProfile | undefined>();
  const valueSets = new Map<string, ValueSetMembership>();
  const targets = new WeakMap<TypeRule, ReadonlySet<string> | undefined>();
  const resourceTypes = new Set(registry.resourceTypes());

  const profile = (canonical: string): CompiledProfile | undefined => {
    if (profiles.has(canonical)) return profiles.get(canonical);
    const sd = source.structureDefinition(canonical);
    const compiled = sd ? compileProfile(sd) : undefined;
    profiles.set(canonical, compiled);
    return compiled;
  };

  const targetTypeOf = (targetProfile: string): string | undefined => {
    if (targetProfile.startsWith(BASE) && !targetProfile.includes('|')) {
      const name = targetProfile.slice(BASE.length);
      if (resourceTypes.has(name) || name === 'Resource') return name;
    }
    const sd = source.structureDefinition(targetProfile);
    return typeof sd?.type === 'string' ? sd.type : undefined;
  };

  return {
    source,
    profile,
    baseDefinition: (type) => profile(BASE + type),
    valueSet(url) {
      let membership = valueSets.get(url);
      if (!membership) valueSets.set(url, (membership = valueSetMembership(url, source)));
      return membership;
    },
    targetTypes(type) {
      if (targets.has(type)) return targets.get(type);
      let allowed: Set<string> | undefined = new Set<string>();
      for (const target of type.targetProfiles) {
        const name = targetTypeOf(target);
        // An unresolvable target or `Resource` allows anything: we cannot say what is wrong.
        if (name === undefined || name === 'Resource') allowed = undefined;
        if (allowed && name) allowed.add(name);
        if (!allowed) break;
      }
      const result = allowed && allowed.size > 0 ? allowed : undefined;
      targets.set(type, result);
      return result;
    },
    isResourceType: (type) => resourceTypes.has(type),
    contentReference(from) {
      const ref = from.contentReference ?? '';
      const hash = ref.indexOf('#');
      if (hash < 0) return undefined;
      const target = hash === 0 ? profile(from.profile) : profile(ref.slice(0, hash));
      return target?.byId(ref.slice(hash + 1));
    },
  };
}
