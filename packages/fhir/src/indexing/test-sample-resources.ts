/**
 * Test-only generator of synthetic resources that fill every element the R4 model knows
 * (to a limited depth), choosing a different choice type, reference form and literal per
 * `variant`. Used to check that the fast path and fhirpath.js extract the same rows for every
 * expression, beyond what the IG examples happen to contain.
 */
import { PRIMITIVE_TYPES, choiceSuffixType, r4Model } from './r4-model.js';

type Json = Record<string, unknown>;

/** Child element names per model path (`Patient` → name, birthDate, deceased...). */
const children = new Map<string, Set<string>>();
for (const path of [...Object.keys(r4Model.path2Type), ...Object.keys(r4Model.choiceTypePaths), ...Object.keys(r4Model.pathsDefinedElsewhere)]) {
  const dot = path.lastIndexOf('.');
  if (dot < 0) continue;
  const parent = path.slice(0, dot);
  if (!children.has(parent)) children.set(parent, new Set());
  children.get(parent)!.add(path.slice(dot + 1));
}

// The model also lists each choice option as a path of its own (`UsageContext.valueQuantity`):
// generate choices once, through their `[x]` element, or resources would carry several value[x].
const expandedChoices = new Set(Object.entries(r4Model.choiceTypePaths).flatMap(([p, suffixes]) => suffixes.map((s) => p + s)));

const REFERENCES = ['Patient/p1', 'Group/g1/_history/2', 'http://other.org/fhir/Patient/p2', '#c1', 'urn:uuid:0b4f6c2e-8c55-4b39-9b4c-000000000001', 'Practitioner/pr1', 'Organization/o1', 'Location/l1'];
const EXTENSION_VALUES: [string, (v: number) => unknown][] = [
  ['valueReference', (v) => ({ reference: REFERENCES[v % REFERENCES.length] })],
  ['valueCodeableConcept', (v) => ({ coding: [{ system: 'http://s', code: `c${v}`, display: `Display ${v}` }], text: 'Text' })],
  ['valueCoding', (v) => ({ system: 'http://s', code: `c${v}` })],
  ['valueDateTime', (v) => `2020-0${(v % 9) + 1}-15`],
  ['valueCode', (v) => `code${v}`],
  ['valuePeriod', () => ({ start: '2021-01-01' })],
];

export interface SampleOptions {
  /** Strings to use for string-like primitives (e.g. the literals of the expressions under test). */
  readonly literals: readonly string[];
  readonly maxDepth?: number;
}

/** A synthetic resource of `type` with every known element filled, shaped by `variant`. */
export function sampleResource(type: string, variant: number, options: SampleOptions): Json {
  let counter = variant;
  const next = () => counter++;
  const maxDepth = options.maxDepth ?? 3;
  const literal = () => options.literals.length ? options.literals[next() % options.literals.length]! : `s${next()}`;

  const primitive = (t: string, name: string): unknown => {
    const n = next();
    switch (t) {
      case 'boolean': return n % 2 === 0;
      case 'integer': case 'positiveInt': case 'unsignedInt': return 1 + (n % 50);
      case 'decimal': return [1.5, 100, 0.25, 12.125][n % 4];
      case 'date': return ['2020', '2020-03', '2020-03-04'][n % 3];
      case 'dateTime': case 'instant': return ['2020-03-04T05:06:07Z', '2021-01-01T00:00:00.123+02:00', '2019'][n % 3];
      case 'time': return '10:00:00';
      default: return name === 'reference' ? REFERENCES[n % REFERENCES.length] : literal();
    }
  };

  const element = (path: string, typeName: string, depth: number): unknown => {
    if (PRIMITIVE_TYPES.has(typeName)) return primitive(typeName, path.slice(path.lastIndexOf('.') + 1));
    if (depth > maxDepth) return undefined;
    const backbone = typeName === 'BackboneElement' || typeName === 'Element';
    return object(backbone ? path : typeName, depth + 1);
  };

  const object = (path: string, depth: number): Json => {
    const out: Json = {};
    const names = new Set<string>();
    for (let p: string | undefined = path; p; p = r4Model.type2Parent[p]) for (const n of children.get(p) ?? []) names.add(n);
    for (const name of names) {
      if (name === 'id' || name === 'modifierExtension' || name === 'contained' || name === 'div') continue;
      const full = lookup(path, name);
      if (!full || expandedChoices.has(full)) continue;
      if (name === 'extension') {
        out['extension'] = extensions(depth);
        continue;
      }
      const make = (): [string, unknown] | undefined => {
        const choices = r4Model.choiceTypePaths[full];
        if (choices) {
          const suffix = choices[next() % choices.length]!;
          return [name + suffix, element(full, choiceSuffixType(suffix), depth)];
        }
        const elsewhere = r4Model.pathsDefinedElsewhere[full];
        if (elsewhere) return depth > maxDepth ? undefined : [name, object(elsewhere, depth + 1)];
        const t = r4Model.path2Type[full];
        return t ? [name, element(full, t.startsWith('System.') ? 'string' : t, depth)] : undefined;
      };
      const repeating = r4Model.path2Repeating[full];
      const first = make();
      if (!first || first[1] === undefined) continue;
      if (!repeating || first[0] !== name) out[first[0]] = first[1];
      else out[name] = [first[1], make()?.[1]].filter((v) => v !== undefined);
    }
    return out;
  };

  const extensions = (depth: number): Json[] => {
    const urls = options.literals.filter((l) => /^https?:/.test(l));
    return [0, 1].map(() => {
      const [key, value] = EXTENSION_VALUES[next() % EXTENSION_VALUES.length]!;
      const url = urls.length ? urls[next() % urls.length]! : 'http://x/ext';
      // Complex extensions (no value, nested ones) as US Core race/ethnicity use them.
      return depth <= 2 && next() % 3 === 0
        ? { url, extension: [{ url: 'ombCategory', valueCoding: { system: 'urn:oid:2.16.840.1.113883.6.238', code: '2106-3' } }] }
        : { url, [key]: value(next()) };
    });
  };

  return { resourceType: type, id: `sample-${variant}`, ...object(type, 0) };
}

function lookup(path: string, name: string): string | undefined {
  for (let p: string | undefined = path; p; p = r4Model.type2Parent[p]) {
    const full = `${p}.${name}`;
    if (r4Model.path2Type[full] || r4Model.choiceTypePaths[full] || r4Model.pathsDefinedElsewhere[full]) return full;
  }
  return undefined;
}
