/**
 * The consent page: who is asking, what they would see (one tick box per category, all
 * ticked), until when, and Allow / Deny. The app's privacy-policy attestation is shown for
 * information only and never blocks access — 42 CFR 422.119(e) lets a payer deny access only
 * for a security risk to its own systems, not for an app's privacy practices.
 */
import type { ScopeCategory } from '../consent/scope-categories.js';
import { html, safeUrl, withMarkup, type SafeHtml } from './html.js';
import { messages, type Messages } from './i18n/messages.js';
import { formStart, FORM_FIELDS, hiddenFields, page, planName, time, type PageOptions } from './layout.js';

export interface ConsentApp {
  name: string;
  logoUri?: string;
  policyUri?: string;
  tosUri?: string;
  /** Whether the developer attested that the app has a privacy policy (informational only). */
  attestedPrivacyPolicy: boolean;
}

export interface ConsentOptions extends PageOptions {
  csrf: string;
  action: string;
  app: ConsentApp;
  /** The patient whose record would be shared ("Bobby Example"). */
  patientDisplay: string;
  /** From `scopeCategories(requested)`. */
  categories: readonly ScopeCategory[];
  /** When the grant ends if allowed. */
  expiresAt: Date;
}

/** Renders the consent form; `readConsentForm` reads what it posts. */
export function renderConsent(options: ConsentOptions): string {
  const m = messages(options.lang);
  const { app } = options;
  const title = m.consent.title(app.name);
  const boxes = options.categories.map((c) => {
    const id = `category-${c.id}`;
    const text = m.consent.categories[c.id];
    const types = c.id === 'other' && c.resourceTypes.length > 0 ? ` ${m.consent.otherTypes(c.resourceTypes.join(', '))}` : '';
    return html`<div class="choice">
<input type="checkbox" id="${id}" name="${FORM_FIELDS.category}" value="${c.id}" aria-describedby="${id}-desc" checked>
<div><label for="${id}">${text.label}</label><span class="hint" id="${id}-desc">${text.description}${types}</span></div>
</div>`;
  });
  return page(options, title, html`
<h1>${title}</h1>
${appSummary(app, m)}
<p>${m.consent.intro(app.name, options.patientDisplay, planName(options, m))}</p>
<div class="note"><p>${app.attestedPrivacyPolicy ? m.consent.attested : m.consent.notAttested}</p><p>${m.consent.hipaaNotice(planName(options, m))}</p></div>
${formStart(options.action)}
${hiddenFields(options.lang, options.csrf)}
<fieldset aria-describedby="consent-hint">
<legend>${m.consent.legend}</legend>
<p class="hint" id="consent-hint">${m.consent.hint}</p>
${boxes}
</fieldset>
<p>${withMarkup(m.consent.expires, time(options.expiresAt, options))}</p>
<div class="buttons">
<button type="submit" class="primary" name="${FORM_FIELDS.decision}" value="allow">${m.consent.allow}</button>
<button type="submit" class="secondary" name="${FORM_FIELDS.decision}" value="deny">${m.consent.deny}</button>
</div>
</form>`);
}

/** The app's logo, name and policy links; only absolute http(s) links, https logos. */
function appSummary(app: ConsentApp, m: Messages): SafeHtml {
  const logo = safeUrl(app.logoUri, true);
  const policy = safeUrl(app.policyUri);
  const tos = safeUrl(app.tosUri);
  const link = (href: string, label: string): SafeHtml =>
    html`<li><a href="${href}" target="_blank" rel="noopener noreferrer">${label} <span class="muted">${m.opensInNewTab}</span></a></li>`;
  return html`<div class="app">
${logo !== undefined && html`<img src="${logo}" alt="${m.consent.logoAlt(app.name)}" width="64" height="64">`}
<div><h2>${app.name}</h2>
${policy === undefined && tos === undefined ? html`<p class="muted">${m.consent.noPolicyLink}</p>`
    : html`<ul>${policy !== undefined && link(policy, m.consent.privacyPolicy)}${tos !== undefined && link(tos, m.consent.terms)}</ul>`}
${policy === undefined && tos !== undefined && html`<p class="muted">${m.consent.noPolicyLink}</p>`}
</div>
</div>`;
}

/** What the consent form posted: Allow or Deny, and the category ids left ticked. */
export function readConsentForm(body: Record<string, unknown>): { allow: boolean; keptCategoryIds: string[] } {
  const value = body[FORM_FIELDS.category];
  const kept = (Array.isArray(value) ? value : value === undefined ? [] : [value]).filter((v): v is string => typeof v === 'string');
  return { allow: body[FORM_FIELDS.decision] === 'allow', keptCategoryIds: kept };
}
