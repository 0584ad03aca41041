/**
 * Connected apps (`{env}/account/apps`): a signed-in member sees each app they allowed — what
 * it can see, since when, last use, when access ends — and can revoke it. Framework-free like
 * the interactions: the server routes GET `apps`, POST `sign-in`, `revoke`, `sign-out` here.
 * Sign-in has its own CSRF binding (a random pre-session cookie), since no session exists yet.
 */
import { randomBytes } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import type Provider from 'oidc-provider';
import type { Store } from '@payerport/store';
import type { LastUsed } from '../access/last-used.js';
import { scopeCategories } from '../consent/scope-categories.js';
import { appSummary } from '../interactions/app-summary.js';
import type { MemberAccounts } from '../members/member-accounts.js';
import { renderConnectedApps, type ConnectedApp } from '../pages/connected-apps.js';
import type { Csrf } from '../pages/csrf.js';
import { FORM_FIELDS } from '../pages/layout.js';
import { renderMessage, renderSignedOut } from '../pages/outcome.js';
import { renderSignIn } from '../pages/sign-in.js';
import { memberGrants } from '../provider/launch-context.js';
import { cookie, first, pageLanguage, pageReply, readCookies, type Fields, type PageReply } from '../web/page-reply.js';
import { createAccountSessions } from './account-sessions.js';
import { revokeGrant } from './revoke-grant.js';

export type AccountAction = 'apps' | 'sign-in' | 'revoke' | 'sign-out';

export interface AccountRequest {
  readonly action: AccountAction;
  readonly headers: IncomingHttpHeaders;
  readonly query: Fields;
  readonly form: Fields;
}

export interface AccountPages {
  handle(request: AccountRequest): Promise<PageReply>;
}

export interface AccountPagesOptions {
  readonly provider: Provider;
  readonly store: Store;
  readonly env: string;
  readonly members: MemberAccounts;
  readonly csrf: Csrf;
  readonly lastUsed: LastUsed;
  /** Absolute path of the account pages, e.g. `/sandbox/account`. */
  readonly accountPath: string;
  readonly secureCookies: boolean;
  /** Idle-free lifetime of a session (default 30 minutes). */
  readonly sessionTtlMs?: number;
  readonly planName?: string;
  readonly timeZone?: string;
}

const LOGIN_COOKIE_BYTES = 18;

export function createAccountPages(o: AccountPagesOptions): AccountPages {
  const ttl = o.sessionTtlMs ?? 30 * 60_000;
  const sessions = createAccountSessions(o.store, o.env, ttl);
  const sessionCookie = `${o.env}_account`;
  const loginCookie = `${o.env}_account_login`;
  const path = o.accountPath || '/';
  const appsUrl = `${o.accountPath}/apps`;
  const set = (name: string, value: string, maxAge?: number): string => cookie(name, value, { path, secure: o.secureCookies, ...(maxAge === undefined ? {} : { maxAge }) });
  const pageBase = { ...(o.planName === undefined ? {} : { planName: o.planName }), ...(o.timeZone === undefined ? {} : { timeZone: o.timeZone }) };

  return {
    async handle({ action, headers, query, form }) {
      const jar = readCookies(headers.cookie);
      const sessionId = jar.get(sessionCookie);
      const memberId = await sessions.memberOf(sessionId);
      const member = memberId === undefined ? undefined : await o.members.get(o.env, memberId);
      const language = pageLanguage({ headers, query, form, memberLanguage: member?.language }, o.secureCookies);
      const { lang } = language;
      const out: string[] = [...(language.cookies ?? [])];
      const options = { ...pageBase, lang, selfUrl: appsUrl };
      const expired = (): PageReply => pageReply(403, renderMessage({ ...options, kind: 'expired', continueHref: appsUrl }), out);

      const signInPage = (status: number, extra: Partial<Parameters<typeof renderSignIn>[0]> = {}): PageReply => {
        let nonce = jar.get(loginCookie);
        if (nonce === undefined || nonce.length > 64) {
          nonce = randomBytes(LOGIN_COOKIE_BYTES).toString('base64url');
          out.push(set(loginCookie, nonce));
        }
        return pageReply(status, renderSignIn({ ...options, csrf: o.csrf.issue(`account-login:${nonce}`), action: `${o.accountPath}/sign-in`, ...extra }), out);
      };

      if (action === 'sign-in') {
        const nonce = jar.get(loginCookie);
        if (nonce === undefined || !o.csrf.verify(`account-login:${nonce}`, first(form.csrf))) return expired();
        const username = first(form.username) ?? '';
        const password = first(form.password) ?? '';
        const result = username === '' || password === '' ? { ok: false as const, reason: 'invalid' as const } : await o.members.verify(o.env, username, password);
        if (!result.ok) {
          return signInPage(401, { username, error: result.reason === 'locked' ? { reason: 'locked', lockedUntil: result.lockedUntil } : { reason: 'invalid' } });
        }
        // A fresh session id at every sign-in (no fixation); the old one, if any, ends.
        if (sessionId !== undefined) await sessions.destroy(sessionId);
        out.push(set(sessionCookie, await sessions.create(result.member.id), Math.floor(ttl / 1000)), set(loginCookie, '', 0));
        return { kind: 'redirect', location: `${appsUrl}?lang=${lang}`, cookies: out };
      }

      if (member === undefined || sessionId === undefined) return action === 'apps' ? signInPage(200) : expired();
      if (action !== 'apps' && !o.csrf.verify(`account:${sessionId}`, first(form.csrf))) return expired();

      if (action === 'sign-out') {
        await sessions.destroy(sessionId);
        out.push(set(sessionCookie, '', 0));
        return pageReply(200, renderSignedOut({ ...options, signInHref: appsUrl }), out);
      }

      const grants = await memberGrants(o.store, o.env, member.id);
      if (action === 'revoke') {
        const grantId = first(form[FORM_FIELDS.grant]);
        // Only the member's own grants are in the list: another member's id is "not found", never revoked.
        const grant = grants.find((g) => g.grantId === grantId);
        if (grant === undefined) return pageReply(404, renderMessage({ ...options, kind: 'error', continueHref: appsUrl }), out);
        await revokeGrant(o.provider, o.store, o.env, grant.grantId);
        const app = await appSummary(o.store, o.env, grant.clientId ?? '');
        return pageReply(200, renderMessage({ ...options, kind: 'revoked', appName: app.name, continueHref: appsUrl }), out);
      }

      const apps: ConnectedApp[] = await Promise.all(grants.map(async (g) => {
        const app = await appSummary(o.store, o.env, g.clientId ?? '');
        const lastUsedAt = await o.lastUsed.get(g.grantId);
        return {
          grantId: g.grantId,
          name: app.name,
          ...(app.logoUri === undefined ? {} : { logoUri: app.logoUri }),
          categories: scopeCategories((g.scope ?? '').split(' ')),
          ...(g.patientDisplay === undefined ? {} : { patientDisplay: g.patientDisplay }),
          grantedAt: new Date(g.grantedAt ?? 0),
          ...(lastUsedAt === undefined ? {} : { lastUsedAt }),
          expiresAt: new Date(g.expiresAt ?? 0),
        };
      }));
      return pageReply(200, renderConnectedApps({
        ...options, csrf: o.csrf.issue(`account:${sessionId}`), action: `${o.accountPath}/revoke`, signOutAction: `${o.accountPath}/sign-out`,
        member: { displayName: member.displayName }, apps,
      }), out);
    },
  };
}
