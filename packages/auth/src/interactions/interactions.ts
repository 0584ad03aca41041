/**
 * The member's part of an authorization, between the provider's redirects: sign in, choose the
 * patient, keep or untick what the app asked for. Framework-free: the server routes
 * `{interactionPath}/:uid[/login|/consent|/abort]` here with the raw request/response (the
 * provider reads its signed interaction cookie from them) and sends back the page or redirect.
 * Cross-site form posts carry no interaction cookie (SameSite=Lax), so they fail.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import Provider from 'oidc-provider';
import type { Store } from '@payerport/store';
import type { MemberAccounts } from '../members/member-accounts.js';
import { saveLaunchContext } from '../provider/launch-context.js';
import { splitScopes } from '../scopes/smart-scopes.js';
import { consentPage, messagePage, signInPage } from './pages.js';

export type InteractionAction = 'show' | 'login' | 'consent' | 'abort';

export interface InteractionRequest {
  readonly req: IncomingMessage;
  readonly res: ServerResponse;
  /** The uid in the URL; must be the interaction of the member's cookie. */
  readonly uid: string;
  readonly action: InteractionAction;
  /** The posted form (empty for `show`). */
  readonly form: Readonly<Record<string, string | readonly string[] | undefined>>;
}

export type InteractionReply = { kind: 'page'; status: number; html: string } | { kind: 'redirect'; location: string };

export interface Interactions {
  handle(request: InteractionRequest): Promise<InteractionReply>;
}

const EXPIRED = messagePage('This sign-in has expired', 'Go back to the app and start again.');

const first = (v: string | readonly string[] | undefined): string | undefined => (typeof v === 'string' ? v : v?.[0]);
const all = (v: string | readonly string[] | undefined): string[] => (v === undefined ? [] : typeof v === 'string' ? [v] : [...v]);

export function createInteractions(o: { provider: Provider; store: Store; env: string; members: MemberAccounts; fhirBaseUrl: string; interactionPath: string }): Interactions {
  const { provider, members, env } = o;
  return {
    async handle({ req, res, uid, action, form }) {
      let details: Awaited<ReturnType<Provider['interactionDetails']>>;
      try {
        details = await provider.interactionDetails(req, res);
      } catch {
        return { kind: 'page', status: 400, html: EXPIRED };
      }
      if (details.uid !== uid) return { kind: 'page', status: 400, html: EXPIRED };
      const base = `${o.interactionPath}/${uid}`;
      const client = await provider.Client.find(String(details.params.client_id));
      const clientName = client?.clientName ?? String(details.params.client_id);
      const finish = async (result: Parameters<Provider['interactionResult']>[2]): Promise<InteractionReply> =>
        ({ kind: 'redirect', location: await provider.interactionResult(req, res, result, { mergeWithLastSubmission: false }) });
      const signIn = (error?: string): InteractionReply => ({
        kind: 'page', status: error === undefined ? 200 : 401,
        html: signInPage({ clientName, action: `${base}/login`, abort: `${base}/abort`, ...(error === undefined ? {} : { error }) }),
      });

      if (action === 'abort') return finish({ error: 'access_denied', error_description: 'The member did not allow access' });

      if (details.prompt.name === 'login') {
        if (action !== 'login') return signIn();
        const username = first(form.username) ?? '';
        const password = first(form.password) ?? '';
        const result = username === '' || password === '' ? { ok: false as const, reason: 'invalid' as const } : await members.verify(env, username, password);
        if (!result.ok) return signIn(result.reason === 'locked' ? 'This account is locked after too many attempts. Try again later.' : 'The username or password is not right.');
        return finish({ login: { accountId: result.member.id } });
      }

      const accountId = details.session?.accountId;
      const member = accountId === undefined ? undefined : await members.get(env, accountId);
      if (details.prompt.name !== 'consent' || member === undefined) return { kind: 'page', status: 400, html: EXPIRED };
      if (member.patients.length === 0) return { kind: 'page', status: 403, html: messagePage('No records to share', 'Your account is not linked to any member records.') };
      const requested = splitScopes(String(details.params.scope ?? ''));
      const missing = details.prompt.details.missingResourceScopes as Record<string, string[]> | undefined;
      const clinical = missing?.[o.fhirBaseUrl] ?? [];
      const offline = requested.oidc.includes('offline_access');
      if (action !== 'consent') {
        return { kind: 'page', status: 200, html: consentPage({ clientName, action: `${base}/consent`, abort: `${base}/abort`, patients: member.patients, scopes: clinical, offline }) };
      }

      const chosen = member.patients.find((p) => p.patientId === first(form.patient)) ?? (member.patients.length === 1 ? member.patients[0] : undefined);
      if (chosen === undefined) return { kind: 'page', status: 400, html: messagePage('Choose whose records', 'Go back and choose whose records the app may read.') };
      const ticked = new Set(all(form.scope));
      const kept = clinical.filter((s) => ticked.has(s));
      const keptOidc = requested.oidc.filter((s) => s !== 'offline_access' || first(form.offline_access) === 'yes');
      const grant = new provider.Grant({ accountId: member.id, clientId: String(details.params.client_id) });
      grant.addOIDCScope(keptOidc.join(' '));
      if (offline && !keptOidc.includes('offline_access')) grant.rejectOIDCScope('offline_access');
      if (kept.length > 0) grant.addResourceScope(o.fhirBaseUrl, kept.join(' '));
      const dropped = clinical.filter((s) => !ticked.has(s));
      if (dropped.length > 0) grant.rejectResourceScope(o.fhirBaseUrl, dropped.join(' '));
      const grantId = await grant.save();
      const self = member.patients.find((p) => p.relationship === 'self') ?? chosen;
      const saved = await provider.Grant.find(grantId);
      await saveLaunchContext(o.store, env, grantId, { patient: chosen.patientId, fhirUser: `Patient/${self.patientId}` }, saved?.exp === undefined ? undefined : saved.exp * 1000);
      return finish({ consent: { grantId } });
    },
  };
}
