/**
 * Evaluates a (rewritten) term with fhirpath.js, compiled once against the R4 model.
 * Results are taken as engine nodes (`resolveInternalTypes: false`) so each value keeps its
 * FHIR type (choice elements, extensions) and its JSON as stored: decimals and dates are not
 * converted to engine objects. https://hl7.org/fhirpath/N1/
 */
import fhirpath, { type UserInvocationTable } from 'fhirpath';
import { fromSystemType, r4Model } from './r4-model.js';
import { type ReferenceScope, referenceTargetType } from './reference-parse.js';
import type { Evaluator } from './simple-path.js';
import { guessType, type TypedValue } from './typed-value.js';

/** The part of a fhirpath.js ResourceNode we read. */
interface EngineNode {
  data: unknown;
  fhirNodeDataType: string | null;
  path: string | null;
}

function isNode(item: unknown): item is EngineNode {
  return typeof item === 'object' && item !== null && 'fhirNodeDataType' in item && 'data' in item;
}

/** `refIs('T')`: true when the focus Reference points at a T (our stand-in for `resolve() is T`). */
function refIsTable(scope: ReferenceScope): UserInvocationTable {
  return {
    refIs: {
      fn: (inputs: unknown[], type: string) => {
        if (inputs.length !== 1) return [];
        return [referenceTargetType(fhirpath.util.valData(inputs[0]), scope) === type];
      },
      arity: { 1: ['String'] },
    },
  };
}

/** Compiles a term; throws if fhirpath.js cannot parse it. */
export function compileFhirPath(term: string, scope: ReferenceScope): Evaluator {
  const compiled = fhirpath.compile(term, r4Model, {
    resolveInternalTypes: false,
    userInvocationTable: refIsTable(scope),
  });
  return (resource) => {
    const out: TypedValue[] = [];
    for (const item of compiled(resource) as unknown[]) {
      const typed = toTyped(item);
      if (typed) out.push(typed);
    }
    return out;
  };
}

function toTyped(item: unknown): TypedValue | undefined {
  if (isNode(item)) {
    // Metadata-only primitives (`_birthDate` with an extension and no value) have no data.
    if (item.data == null) return undefined;
    const declared = item.fhirNodeDataType ?? (item.path && /^[A-Za-z]+$/.test(item.path) ? item.path : undefined);
    const type = declared ? fromSystemType(declared) : guessType(item.data);
    return type ? { type, value: item.data } : undefined;
  }
  if (item == null) return undefined;
  // Computed System values (`exists()`, string functions, date arithmetic).
  const type = guessType(item) ?? systemObjectType(item);
  return type ? { type, value: item } : undefined;
}

/** fhirpath.js internal objects for computed values: FP_DateTime, FP_Date, FP_Quantity... */
function systemObjectType(item: unknown): string | undefined {
  const name = (item as object).constructor?.name ?? '';
  if (name.includes('DateTime')) return 'dateTime';
  if (name.includes('Date')) return 'date';
  if (name.includes('Decimal')) return 'decimal';
  return undefined;
}
