import type { SearchParamType } from '@payerport/fhir';

/** The index table holding a parameter type's rows (`near` is the only special parameter indexed). */
export function indexTable(type: SearchParamType): string {
  switch (type) {
    case 'string': return 'idx_string';
    case 'token': return 'idx_token';
    case 'reference': return 'idx_reference';
    case 'date': return 'idx_date';
    case 'number': return 'idx_number';
    case 'quantity': return 'idx_quantity';
    case 'uri': return 'idx_uri';
    case 'special': return 'idx_position';
    case 'composite': break;
  }
  throw new Error(`no index table for ${type} parameters`);
}
