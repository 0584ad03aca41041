/** Short outcome pages: signed out, access denied or revoked, expired interaction, error. */
import { html, localUrl } from './html.js';
import { messages } from './i18n/messages.js';
import { page, type PageOptions } from './layout.js';

export type MessageKind = 'denied' | 'revoked' | 'expired' | 'error' | 'too-many';

export interface MessageOptions extends PageOptions {
  kind: MessageKind;
  /** The app concerned (`denied`, `revoked`). */
  appName?: string;
  /** A link onward (back to Connected apps, back to the app). */
  continueHref?: string;
  /** How long until signing in is possible again (`too-many`). */
  retryAfterSeconds?: number;
}

/** One heading, one sentence, an optional Continue link. */
export function renderMessage(options: MessageOptions): string {
  const o = messages(options.lang).outcome;
  const app = options.appName ?? '';
  const texts: Record<MessageKind, [title: string, body: string]> = {
    denied: [o.deniedTitle, o.deniedBody(app)],
    revoked: [o.revokedTitle, o.revokedBody(app)],
    expired: [o.expiredTitle, o.expiredBody],
    error: [o.errorTitle, o.errorBody],
    'too-many': [o.tooManyTitle, o.tooManyBody(Math.max(1, Math.ceil((options.retryAfterSeconds ?? 60) / 60)))],
  };
  const [title, body] = texts[options.kind];
  return page(options, title, html`
<h1>${title}</h1>
<p>${body}</p>
${options.continueHref !== undefined && html`<p><a href="${localUrl(options.continueHref)}">${o.continue}</a></p>`}`);
}

/** "You are signed out", with an optional link to sign in again. */
export function renderSignedOut(options: PageOptions & { signInHref?: string }): string {
  const o = messages(options.lang).outcome;
  return page(options, o.signedOutTitle, html`
<h1>${o.signedOutTitle}</h1>
<p>${o.signedOutBody}</p>
${options.signInHref !== undefined && html`<p><a href="${localUrl(options.signInHref)}">${o.signInAgain}</a></p>`}`);
}
