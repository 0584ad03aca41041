/**
 * Parses one filter parameter name (`name:exact`, `subject:Patient.name`, `_has:Type:ref:param`)
 * and its value into a SearchFilter, validated against the registry.
 * https://hl7.org/fhir/R4/search.html#modifiers, #chaining, #has
 */
import type { Registry, SearchParamDef, SearchParamType } from '../definitions/types.js';
import { badRequest } from '../errors/fhir-error.js';
import { isSearchable } from './indexed-params.js';
import { parseValue } from './parse-value.js';
import type { Modifier, SearchFilter } from './query.js';
import { splitUnescaped } from './split-values.js';

/** Modifiers each parameter type accepts (`:[type]` on references is handled apart). */
const MODIFIERS: Readonly<Record<SearchParamType, readonly Modifier[]>> = {
  string: ['exact', 'contains', 'missing'],
  token: ['not', 'text', 'missing'],
  reference: ['identifier', 'missing'],
  date: ['missing'],
  number: ['missing'],
  quantity: ['missing'],
  uri: ['above', 'below', 'missing'],
  composite: [],
  special: [],
};

/** Modifiers defined by FHIR that this server does not implement (a 400 says so, not "unknown"). */
const UNSUPPORTED_MODIFIERS = new Set(['in', 'not-in', 'of-type', 'above', 'below', 'iterate']);

/** Parses `name=value` for resources of `type` into a filter. */
export function parseFilter(registry: Registry, type: string, name: string, value: string): SearchFilter {
  if (name.startsWith('_has:')) return parseHas(registry, type, name, value);
  const dot = name.indexOf('.');
  if (dot > 0) return parseChain(registry, type, name, name.slice(0, dot), name.slice(dot + 1), value);

  const [code, modifierText, ...extra] = name.split(':');
  const param = lookup(registry, type, code!, name);
  if (extra.length > 0) throw badRequest(`Malformed parameter name '${name}'`, 'invalid', name);
  let modifier: Modifier | undefined;
  let typeModifier: string | undefined;
  if (modifierText !== undefined) {
    if (param.type === 'reference' && isResourceType(registry, modifierText)) {
      checkTarget(param, modifierText, name);
      modifier = 'type';
      typeModifier = modifierText;
    } else {
      modifier = checkModifier(param, modifierText, name);
    }
  }
  const values = splitUnescaped(value, ',').map((raw) => {
    if (raw === '') throw badRequest(`Parameter '${name}' has an empty value in '${value}'`, 'invalid', name);
    return parseValue(name, param, modifier, raw, typeModifier);
  });
  if (param.code === '_id') {
    for (const v of values) {
      if (v.kind === 'token' && v.system !== undefined && v.system !== type) throw badRequest(`'${v.system}/${v.code}' is not a ${type} id`, 'invalid', name);
    }
  }
  return { kind: 'param', param, modifier, values };
}

function lookup(registry: Registry, type: string, code: string, name: string): SearchParamDef {
  const param = registry.searchParam(type, code);
  if (!param) throw badRequest(`Unknown search parameter '${code}' for resource type ${type}`, 'not-supported', name);
  if (!isSearchable(param)) throw badRequest(`Search parameter '${code}' (${param.type}) is not supported by this server`, 'not-supported', name);
  return param;
}

function checkModifier(param: SearchParamDef, text: string, name: string): Modifier {
  const allowed = param.code === '_id' ? ['not', 'missing'] : MODIFIERS[param.type];
  if (allowed.includes(text as Modifier)) return text as Modifier;
  if (UNSUPPORTED_MODIFIERS.has(text) || ['exact', 'contains', 'missing', 'not', 'text', 'identifier'].includes(text)) {
    throw badRequest(`Modifier ':${text}' is not supported on '${param.code}' (a ${param.type} parameter)`, 'not-supported', name);
  }
  throw badRequest(`Unknown modifier ':${text}' on '${param.code}'`, 'invalid', name);
}

function isResourceType(registry: Registry, text: string): boolean {
  return registry.resourceType(text) !== undefined;
}

function checkTarget(param: SearchParamDef, target: string, name: string): void {
  if (param.target.length > 0 && !param.target.includes(target)) {
    throw badRequest(`'${param.code}' cannot refer to ${target} (allowed: ${param.target.join(', ')})`, 'invalid', name);
  }
}

/** `ref[:Type].rest=value` — forward chain; `rest` may chain further. */
function parseChain(registry: Registry, type: string, name: string, head: string, rest: string, value: string): SearchFilter {
  const [code, typeModifier, ...extra] = head.split(':');
  const param = lookup(registry, type, code!, name);
  if (param.type !== 'reference') throw badRequest(`Cannot chain on '${code}': it is a ${param.type} parameter, not a reference`, 'invalid', name);
  if (extra.length > 0) throw badRequest(`Malformed chained parameter '${name}'`, 'invalid', name);
  if (typeModifier !== undefined) {
    if (!isResourceType(registry, typeModifier)) throw badRequest(`Unknown resource type '${typeModifier}' in '${name}'`, 'invalid', name);
    checkTarget(param, typeModifier, name);
  }
  const nextCode = rest.split(/[.:]/, 1)[0]!;
  const candidates = typeModifier ? [typeModifier] : param.target.length > 0 ? param.target : registry.resourceTypes();
  const targets = candidates.filter((t) => nextCode.startsWith('_has') || registry.searchParam(t, nextCode) !== undefined);
  if (targets.length === 0) throw badRequest(`No target type of '${code}' has a search parameter '${nextCode}'`, 'not-supported', name);
  const inner = parseFilter(registry, targets[0]!, rest, value);
  // Keep only targets whose parameter has the same type, so one compiled condition fits all.
  const innerType = innerParamType(inner);
  const targetTypes = targets.filter((t) => nextCode.startsWith('_has') || registry.searchParam(t, nextCode)?.type === innerType);
  return { kind: 'chain', param, targetTypes, filter: inner };
}

function innerParamType(filter: SearchFilter): SearchParamType | 'has' {
  return filter.kind === 'has' ? 'has' : filter.param.type;
}

/** `_has:Type:refParam:rest=value` — reverse chain; `rest` may itself be `_has:...` or a chain. */
function parseHas(registry: Registry, type: string, name: string, value: string): SearchFilter {
  const parts = name.split(':');
  if (parts.length < 4) throw badRequest(`Malformed '_has' parameter '${name}' (expected _has:Type:reference:parameter)`, 'invalid', name);
  const [, hasType, refCode] = parts;
  if (!isResourceType(registry, hasType!)) throw badRequest(`Unknown resource type '${hasType}' in '${name}'`, 'invalid', name);
  const param = lookup(registry, hasType!, refCode!, name);
  if (param.type !== 'reference') throw badRequest(`'${hasType}:${refCode}' is not a reference parameter`, 'invalid', name);
  if (param.target.length > 0 && !param.target.includes(type)) {
    throw badRequest(`'${hasType}:${refCode}' cannot refer to ${type}`, 'invalid', name);
  }
  const inner = parseFilter(registry, hasType!, parts.slice(3).join(':'), value);
  return { kind: 'has', type: hasType!, param, filter: inner };
}
