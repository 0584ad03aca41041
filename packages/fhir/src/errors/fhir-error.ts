/**
 * The one error type of the FHIR layer. It carries an OperationOutcome and an HTTP status;
 * a single error handler in the HTTP adapter turns it into the response.
 * https://hl7.org/fhir/R4/operationoutcome.html
 */

export type IssueSeverity = 'fatal' | 'error' | 'warning' | 'information';
/** https://hl7.org/fhir/R4/valueset-issue-type.html (the codes we use). */
export type IssueCode =
  | 'invalid' | 'structure' | 'required' | 'value' | 'invariant' | 'security' | 'login' | 'forbidden'
  | 'processing' | 'not-supported' | 'duplicate' | 'multiple-matches' | 'not-found' | 'deleted'
  | 'too-long' | 'code-invalid' | 'conflict' | 'transient' | 'lock-error' | 'exception' | 'informational'
  | 'too-costly' | 'business-rule' | 'incomplete';

export interface OperationOutcomeIssue {
  severity: IssueSeverity;
  code: IssueCode;
  diagnostics?: string;
  /** FHIRPath-ish location, e.g. `Patient.birthDate` or the search parameter name. */
  expression?: string[];
  details?: { text: string };
}

export interface OperationOutcome {
  resourceType: 'OperationOutcome';
  issue: OperationOutcomeIssue[];
}

export function outcome(issues: OperationOutcomeIssue[]): OperationOutcome {
  return { resourceType: 'OperationOutcome', issue: issues };
}

export class FhirError extends Error {
  readonly status: number;
  readonly outcome: OperationOutcome;
  /** Extra response headers (e.g. `WWW-Authenticate`, `Allow`). */
  readonly headers: Readonly<Record<string, string>>;

  constructor(status: number, issues: OperationOutcomeIssue | OperationOutcomeIssue[], headers: Record<string, string> = {}) {
    const list = Array.isArray(issues) ? issues : [issues];
    super(list.map((i) => i.diagnostics ?? i.code).join('; '));
    this.name = 'FhirError';
    this.status = status;
    this.outcome = outcome(list);
    this.headers = headers;
  }
}

/** 400 with one `error` issue. `expression` names the offending parameter or element. */
export function badRequest(diagnostics: string, code: IssueCode = 'invalid', expression?: string): FhirError {
  return new FhirError(400, { severity: 'error', code, diagnostics, ...(expression ? { expression: [expression] } : {}) });
}

export function notFound(diagnostics: string): FhirError {
  return new FhirError(404, { severity: 'error', code: 'not-found', diagnostics });
}

export function gone(diagnostics: string): FhirError {
  return new FhirError(410, { severity: 'error', code: 'deleted', diagnostics });
}

export function conflict(diagnostics: string): FhirError {
  return new FhirError(409, { severity: 'error', code: 'conflict', diagnostics });
}

export function preconditionFailed(diagnostics: string): FhirError {
  return new FhirError(412, { severity: 'error', code: 'conflict', diagnostics });
}

export function unprocessable(diagnostics: string, expression?: string): FhirError {
  return new FhirError(422, { severity: 'error', code: 'processing', diagnostics, ...(expression ? { expression: [expression] } : {}) });
}

export function notSupported(diagnostics: string, status = 400): FhirError {
  return new FhirError(status, { severity: 'error', code: 'not-supported', diagnostics });
}
