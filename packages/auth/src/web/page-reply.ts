/**
 * What the member-facing page handlers (authorization interactions, Connected apps) take and
 * give, without a web framework: the request's query, form and headers in; a page or a redirect
 * (with cookies to set) out. The server adds PAGE_HEADERS to every page.
 */
import type { IncomingHttpHeaders } from 'node:http';
import { pickLanguage, supportedLanguage, type Lang } from '../pages/i18n/pick-language.js';

/** Query or form fields: a string, or an array when the field was repeated. */
export type Fields = Readonly<Record<string, string | readonly string[] | undefined>>;

export type PageReply =
  | { readonly kind: 'page'; readonly status: number; readonly html: string; readonly cookies?: readonly string[] }
  | { readonly kind: 'redirect'; readonly location: string; readonly cookies?: readonly string[] };

/** The first value of a field. */
export const first = (v: string | readonly string[] | undefined): string | undefined => (typeof v === 'string' ? v : v?.[0]);

/** A page reply. */
export const pageReply = (status: number, html: string, cookies?: readonly string[]): PageReply =>
  (cookies === undefined ? { kind: 'page', status, html } : { kind: 'page', status, html, cookies });

/** Cookie values by name from a Cookie header (the first of a repeated name wins). */
export function readCookies(header: string | undefined): Map<string, string> {
  const out = new Map<string, string>();
  for (const part of (header ?? '').split(';')) {
    const eq = part.indexOf('=');
    if (eq < 0) continue;
    const name = part.slice(0, eq).trim();
    if (!out.has(name)) out.set(name, part.slice(eq + 1).trim());
  }
  return out;
}

/** A Set-Cookie value: HttpOnly, SameSite=Lax, Secure on https; `maxAge` seconds (0 deletes). */
export function cookie(name: string, value: string, o: { path: string; secure: boolean; maxAge?: number }): string {
  return `${name}=${value}; Path=${o.path || '/'}; HttpOnly; SameSite=Lax${o.secure ? '; Secure' : ''}${o.maxAge === undefined ? '' : `; Max-Age=${o.maxAge}`}`;
}

/**
 * The language switch's choice, remembered for a year across the provider's redirects (which
 * drop the `?lang` of the page the member was on). Not per environment: it is the browser's.
 */
export const LANG_COOKIE = 'payerport_lang';

export interface LanguageInput {
  readonly headers: IncomingHttpHeaders;
  readonly query: Fields;
  readonly form?: Fields;
  /** The signed-in member's preferred language, once known. */
  readonly memberLanguage?: string | undefined;
  /** OpenID Connect `ui_locales` of the authorization request (space-separated tags). */
  readonly uiLocales?: unknown;
}

/**
 * The page language: `?lang` (the switch link), then the form's `lang` (the page the member
 * posted from), then the remembered switch, the member's preference, the app's `ui_locales`,
 * and Accept-Language. Returns the cookie to set when `?lang` made an explicit choice.
 */
export function pageLanguage(input: LanguageInput, secure: boolean): { lang: Lang; cookies?: string[] } {
  const query = supportedLanguage(first(input.query.lang));
  if (query !== undefined) return { lang: query, cookies: [cookie(LANG_COOKIE, query, { path: '/', secure, maxAge: 365 * 86_400 })] };
  const candidates: unknown[] = [
    first(input.form?.lang),
    readCookies(input.headers.cookie).get(LANG_COOKIE),
    input.memberLanguage,
    ...(typeof input.uiLocales === 'string' ? input.uiLocales.split(' ') : []),
  ];
  for (const candidate of candidates) {
    const lang = supportedLanguage(candidate);
    if (lang !== undefined) return { lang };
  }
  return { lang: pickLanguage(input.headers['accept-language']) };
}
