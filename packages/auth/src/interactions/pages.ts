/**
 * Minimal sign-in and consent pages, enough for the flow to work end to end. PLACEHOLDER: the
 * pages being built on branch `members-pages` (plain-language categories, Spanish, CSRF helpers)
 * replace these renderers on merge. Every value is HTML-escaped.
 */
import type { MemberPatient } from '../members/member-accounts.js';

const escape = (text: string): string => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

function page(title: string, body: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escape(title)}</title></head><body><main>${body}</main></body></html>`;
}

export function signInPage(o: { clientName: string; action: string; abort: string; error?: string }): string {
  return page('Sign in', `<h1>Sign in to share your health plan data</h1>
<p><strong>${escape(o.clientName)}</strong> is asking to connect to your health plan account.</p>
${o.error === undefined ? '' : `<p role="alert">${escape(o.error)}</p>`}
<form method="post" action="${escape(o.action)}">
<label>Username <input name="username" autocomplete="username" required></label>
<label>Password <input name="password" type="password" autocomplete="current-password" required></label>
<button type="submit">Sign in</button></form>
<form method="post" action="${escape(o.abort)}"><button type="submit">Cancel</button></form>`);
}

export function consentPage(o: { clientName: string; action: string; abort: string; patients: readonly MemberPatient[]; scopes: readonly string[]; offline: boolean }): string {
  const patients = o.patients.map((p, i) => `<label><input type="radio" name="patient" value="${escape(p.patientId)}"${i === 0 ? ' checked' : ''}> ${escape(p.display)} (${escape(p.relationship)})</label>`).join('\n');
  const scopes = o.scopes.map((s) => `<label><input type="checkbox" name="scope" value="${escape(s)}" checked> ${escape(s)}</label>`).join('\n');
  return page('Allow access', `<h1>Allow ${escape(o.clientName)} to read your data?</h1>
<form method="post" action="${escape(o.action)}">
${o.patients.length > 1 ? `<fieldset><legend>Whose records?</legend>${patients}</fieldset>` : patients.replace('type="radio"', 'type="hidden"').replace(/<label>|<\/label>| checked/g, '')}
<fieldset><legend>What the app may read</legend>${scopes}</fieldset>
${o.offline ? '<label><input type="checkbox" name="offline_access" value="yes" checked> Keep the app connected until I disconnect it</label>' : ''}
<button type="submit">Allow</button></form>
<form method="post" action="${escape(o.abort)}"><button type="submit">Deny</button></form>`);
}

export function messagePage(title: string, text: string): string {
  return page(title, `<h1>${escape(title)}</h1><p>${escape(text)}</p>`);
}
