/** "Whose records do you want to share?" — the member's own, or someone they represent. */
import type { MemberPatient } from '../members/member-accounts.js';
import { html } from './html.js';
import { messages } from './i18n/messages.js';
import { formStart, FORM_FIELDS, hiddenFields, page, type PageOptions } from './layout.js';

export interface PatientPickerOptions extends PageOptions {
  csrf: string;
  action: string;
  member: { displayName: string };
  /** The member's patients (from MemberAccounts), in the order to list them. */
  patients: readonly MemberPatient[];
  /** The patient to preselect (default the first, usually `self`). */
  selected?: string;
}

/** A radio group in a fieldset; each choice shows the person's name and the member's relationship to them. */
export function renderPatientPicker(options: PatientPickerOptions): string {
  const m = messages(options.lang);
  const selected = options.selected ?? options.patients[0]?.patientId;
  const choices = options.patients.map((p, i) => {
    const id = `patient-${i}`;
    return html`<div class="choice">
<input type="radio" id="${id}" name="${FORM_FIELDS.patient}" value="${p.patientId}" aria-describedby="${id}-rel"${p.patientId === selected && html` checked`}>
<div><label for="${id}">${p.display}</label><span class="hint" id="${id}-rel">${m.picker.relationship[p.relationship]}</span></div>
</div>`;
  });
  return page(options, m.picker.title, html`
<h1>${m.picker.title}</h1>
<p>${m.picker.signedInAs(options.member.displayName)}</p>
${formStart(options.action)}
${hiddenFields(options.lang, options.csrf)}
<fieldset>
<legend>${m.picker.legend}</legend>
${choices}
</fieldset>
<div class="buttons"><button type="submit" class="primary">${m.picker.submit}</button></div>
</form>`);
}

/**
 * The patient the picker posted — only if it is one of the member's own links, so a forged
 * post naming any other patient id gets undefined (the server then re-shows the picker).
 */
export function readPatientChoice(body: Record<string, unknown>, patients: readonly MemberPatient[]): MemberPatient | undefined {
  const value = body[FORM_FIELDS.patient];
  return typeof value === 'string' ? patients.find((p) => p.patientId === value) : undefined;
}
