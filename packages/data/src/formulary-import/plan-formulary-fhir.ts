/**
 * FHIR input (NDJSON or a Bundle, read by the server's loader into an `ImportPlan`) → a
 * `FormularyPlan`: MedicationKnowledge are drugs, InsurancePlan are formularies, and each Basic
 * joins the formulary its FormularyReference extension names. The file holds the complete new
 * version of every formulary it contains; an item naming a formulary the file does not contain,
 * or any other resource type, is rejected.
 */
import { refOf, type ImportPlan, type Json, type PlannedResource, type RejectedRow } from '../roster/import-plan.js';
import type { FormularyPlan, FormularyVersionPlan } from './formulary-plan.js';
import { EXT, FORMULARY_VERSION_URL } from './usdf-terms.js';

const extensionOf = (r: Json, url: string): Json | undefined => (Array.isArray(r.extension) ? (r.extension as Json[]).find((e) => e?.url === url) : undefined);

export function formularyPlanFromFhir(plan: ImportPlan): FormularyPlan {
  const label = plan.lineLabel ?? 'line';
  const base = { rows: plan.rows, ...(plan.lineLabel ? { lineLabel: plan.lineLabel } : {}) };
  if (plan.fatal) return { ...base, rejected: plan.rejected, drugs: [], formularies: [], fatal: plan.fatal };
  const rejected: RejectedRow[] = [...plan.rejected];
  const drugs: PlannedResource[] = [];
  const formularies = new Map<string, PlannedResource>();
  const items = new Map<string, PlannedResource[]>();
  for (const p of plan.resources) {
    const r = p.resource;
    if (r.resourceType === 'MedicationKnowledge') drugs.push(p);
    else if (r.resourceType === 'InsurancePlan') formularies.set(refOf(r), p);
    else if (r.resourceType === 'Basic') {
      const target = (extensionOf(r, EXT.formularyReference)?.valueReference as Json | undefined)?.reference;
      if (typeof target !== 'string') {
        for (const line of p.lines) rejected.push({ line, reason: `${refOf(r)} has no FormularyReference extension` });
        continue;
      }
      items.set(target, [...(items.get(target) ?? []), p]);
    } else for (const line of p.lines) rejected.push({ line, reason: `${refOf(r)}: a formulary import takes MedicationKnowledge, InsurancePlan and Basic only` });
  }
  // An item needs its drug written only when the drug is in this file (else it may be stored already).
  const drugRefs = new Set(drugs.map((d) => refOf(d.resource)));
  for (const [target, list] of items) {
    list.forEach((p, i) => {
      const subject = (p.resource.subject as Json | undefined)?.reference;
      list[i] = { ...p, requires: [target, ...(typeof subject === 'string' && drugRefs.has(subject) ? [subject] : [])] };
    });
  }
  for (const [target, list] of items) {
    if (formularies.has(target)) continue;
    for (const p of list) for (const line of p.lines) rejected.push({ line, reason: `${target} is not in this file: a ${label === 'entry' ? 'Bundle' : 'file'} holds whole formularies` });
  }
  const plans: FormularyVersionPlan[] = [...formularies].map(([ref, formulary]) => {
    const version = extensionOf(formulary.resource, FORMULARY_VERSION_URL)?.valueInteger;
    const list = items.get(ref) ?? [];
    return {
      resourceId: String(formulary.resource.id), version: typeof version === 'number' ? version : undefined,
      formulary: { ...formulary, lines: [...formulary.lines, ...list.flatMap((i) => i.lines)] }, items: list,
    };
  });
  rejected.sort((a, b) => a.line - b.line);
  return { ...base, rejected, drugs, formularies: plans };
}
