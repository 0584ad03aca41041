/**
 * A validation report as an OperationOutcome: one issue per error and warning (location in
 * `expression`), plus information issues for must-support gaps and unchecked terminology.
 * https://hl7.org/fhir/R4/operationoutcome.html
 */
import { outcome, type OperationOutcome, type OperationOutcomeIssue } from '../errors/fhir-error.js';
import type { ValidationReport } from './types.js';

export function validationOutcome(report: ValidationReport): OperationOutcome {
  const issues: OperationOutcomeIssue[] = [...report.errors, ...report.warnings].map((issue) => ({
    severity: issue.severity,
    code: issue.code,
    diagnostics: issue.message,
    ...(issue.location ? { expression: [issue.location] } : {}),
  }));
  for (const location of report.mustSupportMissing) {
    issues.push({ severity: 'information', code: 'informational', diagnostics: 'Must-support element absent', expression: [location] });
  }
  const unchecked = report.terminologyNotChecked;
  if (unchecked.count > 0) {
    issues.push({
      severity: 'information',
      code: 'informational',
      diagnostics: `${unchecked.count} coded value(s) not checked: their value sets cannot be expanded offline (${unchecked.valueSets.join(', ')})`,
    });
  }
  if (issues.length === 0) issues.push({ severity: 'information', code: 'informational', diagnostics: 'No issues found' });
  return outcome(issues);
}
