/**
 * The member's part of an authorization, between the provider's redirects: sign in, choose the
 * patient (when they may act for more than one), keep or untick categories, Allow or Deny.
 * Framework-free: the server routes `{interactionPath}/:uid[/login|/patient|/consent]` here with
 * the raw request/response (the provider reads its signed interaction cookie from them) and
 * sends back the page or redirect with PAGE_HEADERS. Every form carries a CSRF token bound to
 * the interaction uid; cross-site posts also lack the SameSite=Lax interaction cookie.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type Provider from 'oidc-provider';
import type { Store } from '@payerport/store';
import type { MemberAccounts } from '../members/member-accounts.js';
import type { Csrf } from '../pages/csrf.js';
import { renderMessage } from '../pages/outcome.js';
import { renderSignIn } from '../pages/sign-in.js';
import { first, pageLanguage, pageReply, type Fields, type PageReply } from '../web/page-reply.js';
import { appSummary } from './app-summary.js';
import { consentStep } from './consent-step.js';

export type InteractionAction = 'show' | 'login' | 'patient' | 'consent';

export interface InteractionRequest {
  readonly req: IncomingMessage;
  readonly res: ServerResponse;
  /** The uid in the URL; must be the interaction of the member's cookie. */
  readonly uid: string;
  readonly action: InteractionAction;
  readonly query: Fields;
  /** The posted form (empty for `show`); repeated fields as arrays. */
  readonly form: Fields;
}

export type InteractionReply = PageReply;

export interface Interactions {
  handle(request: InteractionRequest): Promise<InteractionReply>;
}

export interface InteractionsOptions {
  readonly provider: Provider;
  readonly store: Store;
  readonly env: string;
  readonly members: MemberAccounts;
  readonly fhirBaseUrl: string;
  readonly interactionPath: string;
  readonly csrf: Csrf;
  /** Shown on the consent page as when access ends. */
  readonly grantLifetimeSeconds: number;
  /** Cookies get `Secure` (PUBLIC_URL is https). */
  readonly secureCookies: boolean;
  readonly planName?: string;
  readonly timeZone?: string;
  /** What "Other records" grants when a member narrows a wildcard (scope-categories.ts). */
  readonly otherRecordTypes: readonly string[];
}

export function createInteractions(o: InteractionsOptions): Interactions {
  const { provider, members, env } = o;
  return {
    async handle(request) {
      const { req, res, uid, action, query, form } = request;
      const language = pageLanguage({ headers: req.headers, query, form }, o.secureCookies);
      const expired = (status: number): PageReply => pageReply(status, renderMessage({ lang: language.lang, kind: 'expired' }), language.cookies);
      let details: Awaited<ReturnType<Provider['interactionDetails']>>;
      try {
        details = await provider.interactionDetails(req, res);
      } catch {
        return expired(400);
      }
      if (details.uid !== uid) return expired(400);
      // A post without a valid token for this very interaction is refused before anything else is read.
      if (action !== 'show' && !o.csrf.verify(uid, first(form.csrf))) return expired(403);
      const base = `${o.interactionPath}/${uid}`;
      const finish = async (result: Parameters<Provider['interactionResult']>[2]): Promise<PageReply> =>
        ({ kind: 'redirect', location: await provider.interactionResult(req, res, result, { mergeWithLastSubmission: false }) });
      const pageBase = { planName: o.planName, timeZone: o.timeZone };

      if (details.prompt.name === 'login') {
        const { lang, cookies } = pageLanguage({ headers: req.headers, query, form, uiLocales: details.params.ui_locales }, o.secureCookies);
        const app = await appSummary(o.store, env, String(details.params.client_id));
        const signIn = (status: number, extra: Partial<Parameters<typeof renderSignIn>[0]> = {}): PageReply =>
          pageReply(status, renderSignIn({ ...pageBase, lang, selfUrl: base, csrf: o.csrf.issue(uid), action: `${base}/login`, clientName: app.name, ...extra }), cookies);
        if (action !== 'login') return signIn(200);
        const username = first(form.username) ?? '';
        const password = first(form.password) ?? '';
        const result = username === '' || password === '' ? { ok: false as const, reason: 'invalid' as const } : await members.verify(env, username, password);
        if (result.ok) return finish({ login: { accountId: result.member.id } });
        const error = result.reason === 'locked' ? { reason: 'locked' as const, lockedUntil: result.lockedUntil } : { reason: 'invalid' as const };
        return signIn(401, { error, username });
      }

      const accountId = details.session?.accountId;
      const member = accountId === undefined ? undefined : await members.get(env, accountId);
      if (details.prompt.name !== 'consent' || member === undefined) return expired(400);
      const { lang, cookies } = pageLanguage({ headers: req.headers, query, form, memberLanguage: member.language, uiLocales: details.params.ui_locales }, o.secureCookies);
      return consentStep({ ...o, ...pageBase, details, member, lang, cookies, base, action, query, form, finish });
    },
  };
}
