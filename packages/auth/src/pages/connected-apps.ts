/** The member's connected apps: what each may see, since and until when, and a Revoke button. */
import type { ScopeCategory } from '../consent/scope-categories.js';
import { html, safeUrl } from './html.js';
import { messages } from './i18n/messages.js';
import { formStart, FORM_FIELDS, hiddenFields, page, time, type PageOptions } from './layout.js';

export interface ConnectedApp {
  /** Posted back by the Revoke button. */
  grantId: string;
  name: string;
  logoUri?: string;
  /** From `scopeCategories(grantedScopes)`. */
  categories: readonly ScopeCategory[];
  /** Whose record the app reads, when not the member's own. */
  patientDisplay?: string;
  grantedAt: Date;
  lastUsedAt?: Date;
  expiresAt: Date;
}

export interface ConnectedAppsOptions extends PageOptions {
  csrf: string;
  /** Where each Revoke form posts (with the grant id in the `grant` field). */
  action: string;
  member: { displayName: string };
  apps: readonly ConnectedApp[];
  /** Where the Sign out button posts (omitted: no button). */
  signOutAction?: string;
}

/** One card (h2 = app name) per app; each Revoke button's accessible name includes the app's name. */
export function renderConnectedApps(options: ConnectedAppsOptions): string {
  const m = messages(options.lang);
  const t = m.connectedApps;
  const cards = options.apps.map((app) => {
    const logo = safeUrl(app.logoUri, true);
    const shares = app.categories.map((c) => m.consent.categories[c.id].label).join(', ');
    return html`<section class="card">
<div class="app">${logo !== undefined && html`<img src="${logo}" alt="${t.logoAlt(app.name)}" width="64" height="64">`}<h2>${app.name}</h2></div>
<dl>
<dt>${t.shares}</dt><dd>${shares}</dd>
${app.patientDisplay !== undefined && html`<dt>${t.patient}</dt><dd>${app.patientDisplay}</dd>`}
<dt>${t.connected}</dt><dd>${time(app.grantedAt, options)}</dd>
<dt>${t.lastUsed}</dt><dd>${app.lastUsedAt === undefined ? t.neverUsed : time(app.lastUsedAt, options)}</dd>
<dt>${t.expires}</dt><dd>${time(app.expiresAt, options)}</dd>
</dl>
${formStart(options.action)}
${hiddenFields(options.lang, options.csrf)}
<input type="hidden" name="${FORM_FIELDS.grant}" value="${app.grantId}">
<button type="submit" class="secondary">${t.revoke}<span class="vh"> – ${app.name}</span></button>
</form>
</section>`;
  });
  return page(options, t.title, html`
<h1>${t.title}</h1>
<p>${t.intro(options.member.displayName)}</p>
${cards.length === 0 ? html`<p>${t.none}</p>` : cards}
${options.signOutAction !== undefined && html`${formStart(options.signOutAction)}
${hiddenFields(options.lang, options.csrf)}
<div class="buttons"><button type="submit" class="secondary">${t.signOut}</button></div>
</form>`}`);
}
