/**
 * Compiles one StructureDefinition snapshot into ElementRules. Each element is compiled once;
 * children are compiled the first time a resource reaches them, so a profile's unused corners
 * (and recursive definitions such as `Questionnaire.item.item`) cost nothing.
 */
import { elementTree, type ElementNode } from './element-tree.js';
import type { ElementRule, KeyTarget, Slicing, Structure, TypeRule } from './element-rule.js';
import { isObject, type Json } from './json-value.js';
import { fixedOrPattern } from './pattern-match.js';
import { PRIMITIVE_TYPES } from './primitive-formats.js';
import { CHOICE_TYPES, choiceKey, typeCode } from './type-code.js';

export interface CompiledProfile {
  readonly url: string;
  readonly version: string | undefined;
  /** `url|version` (or `url`), as reports name it. */
  readonly canonical: string;
  /** The type constrained: `PractitionerRole`, `Extension`, `CodeableConcept`… */
  readonly type: string;
  readonly kind: string;
  readonly root: ElementRule;
  /** The rule of an element by its id (for `contentReference`). */
  byId(id: string): ElementRule | undefined;
}

const CONTENT_REFERENCE_TYPE: TypeRule = Object.freeze({ code: 'BackboneElement', profiles: [], targetProfiles: [], primitive: false });

/** The compiled profile, or undefined when the StructureDefinition has no snapshot. */
export function compileProfile(sd: Json): CompiledProfile | undefined {
  const tree = elementTree(sd);
  if (!tree) return undefined;
  const url = String(sd.url ?? '');
  const version = typeof sd.version === 'string' ? sd.version : undefined;
  const canonical = version ? `${url}|${version}` : url;
  const kind = String(sd.kind ?? '');
  const nodesById = new Map<string, ElementNode>();
  const index = (node: ElementNode): void => {
    nodesById.set(node.id, node);
    node.children.forEach(index);
    node.slices.forEach(index);
  };
  index(tree);
  const rules = new Map<ElementNode, ElementRule>();
  const ruleOf = (node: ElementNode): ElementRule => {
    let rule = rules.get(node);
    if (!rule) rules.set(node, (rule = compileElement(node, canonical, kind === 'resource', ruleOf)));
    return rule;
  };
  const root = ruleOf(tree);
  return {
    url, version, canonical, kind, root,
    type: String(sd.type ?? ''),
    byId: (id) => {
      const node = nodesById.get(id);
      return node ? ruleOf(node) : undefined;
    },
  };
}

const ID_TYPE: TypeRule = Object.freeze({ code: 'id', profiles: [], targetProfiles: [], primitive: true });

function compileElement(node: ElementNode, profile: string, inResource: boolean, ruleOf: (n: ElementNode) => ElementRule): ElementRule {
  const def = node.def;
  const path = String(def.path ?? '');
  const isResourceRoot = inResource && !path.includes('.');
  const choice = node.name.endsWith('[x]');
  const key = choice ? node.name.slice(0, -3) : node.name;
  const contentReference = typeof def.contentReference === 'string' ? def.contentReference : undefined;
  const types = (Array.isArray(def.type) ? def.type.filter(isObject) : []).map(typeRule);
  if (types.length === 0 && contentReference) types.push(CONTENT_REFERENCE_TYPE);
  // R4 snapshots type Resource.id as a plain string; the specification says it is an `id`.
  if (inResource && node.name === 'id' && path.indexOf('.') === path.lastIndexOf('.') && path.includes('.')) types.splice(0, types.length, ID_TYPE);
  const base = isObject(def.base) ? def.base : undefined;
  const baseMax = String(base?.max ?? def.max ?? '*');
  const binding = isObject(def.binding) ? def.binding : undefined;
  let structure: Structure | undefined | null = null;
  let slicing: Slicing | undefined | null = null;
  const rule: ElementRule = {
    id: node.id,
    path,
    key,
    choice,
    min: typeof def.min === 'number' ? def.min : 0,
    max: parseMax(def.max),
    isArray: baseMax !== '1' && baseMax !== '0',
    types,
    keys: (choice ? types : types.slice(0, 1)).map((type) => {
      const name = choice ? choiceKey(key, type.code) : key;
      return { key: name, extensionKey: `_${name}`, type };
    }),
    fixed: fixedOrPattern(def),
    requiredValueSet: binding?.strength === 'required' && typeof binding.valueSet === 'string' ? binding.valueSet : undefined,
    mustSupport: def.mustSupport === true,
    sliceName: typeof def.sliceName === 'string' ? def.sliceName : undefined,
    get slicing() {
      if (slicing === null) slicing = compileSlicing(node, ruleOf);
      return slicing;
    },
    contentReference,
    profile,
    def,
    structure() {
      if (structure === null) structure = node.children.length > 0 ? buildStructure(node.children.map(ruleOf), isResourceRoot) : undefined;
      return structure;
    },
  };
  return rule;
}

function compileSlicing(node: ElementNode, ruleOf: (n: ElementNode) => ElementRule): Slicing | undefined {
  const slicing = isObject(node.def.slicing) ? node.def.slicing : undefined;
  if (!slicing && node.slices.length === 0) return undefined;
  const discriminators = (Array.isArray(slicing?.discriminator) ? slicing.discriminator.filter(isObject) : [])
    .map((d) => ({ type: String(d.type ?? ''), path: String(d.path ?? '') }));
  const rules = slicing?.rules === 'closed' || slicing?.rules === 'openAtEnd' ? slicing.rules : 'open';
  return { discriminators, rules, slices: node.slices.map(ruleOf) };
}

/** The children of a complex element, indexed by every JSON key they may use. */
export function buildStructure(children: readonly ElementRule[], isResource: boolean): Structure {
  const keys = new Map<string, KeyTarget>();
  for (const rule of children) {
    for (const { key, extensionKey, type } of rule.keys) {
      keys.set(key, { rule, type, primitiveExtension: false });
      if (type.primitive) keys.set(extensionKey, { rule, type, primitiveExtension: true });
    }
    if (rule.choice) {
      // Other types of the base's open list are named as "not allowed" rather than "unknown".
      for (const code of CHOICE_TYPES) {
        const key = choiceKey(rule.key, code);
        if (!keys.has(key)) keys.set(key, { rule, type: undefined, primitiveExtension: false });
      }
    }
  }
  return { children, keys, isResource };
}

function typeRule(type: Json): TypeRule {
  const code = typeCode(type);
  const strings = (v: unknown) => (Array.isArray(v) ? v.filter((s): s is string => typeof s === 'string') : []);
  return { code, profiles: strings(type.profile), targetProfiles: strings(type.targetProfile), primitive: PRIMITIVE_TYPES.has(code) };
}

function parseMax(max: unknown): number {
  if (max === '*' || max === undefined) return Infinity;
  const n = Number(max);
  return Number.isInteger(n) && n >= 0 ? n : Infinity;
}
