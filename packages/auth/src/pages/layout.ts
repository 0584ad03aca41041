/** The page shell shared by every member page: `lang`, title, language switch, stylesheet. */
import { html, localUrl, raw, type SafeHtml } from './html.js';
import { messages, type Messages } from './i18n/messages.js';
import { LANGUAGES, type Lang } from './i18n/pick-language.js';
import { STYLESHEET } from './styles.js';

/** Options every page takes. */
export interface PageOptions {
  lang: Lang;
  /** The plan's name in sentences ("Acme Health"); default "your health plan". */
  planName?: string;
  /** IANA time zone for dates shown (default UTC; the zone name is always printed). */
  timeZone?: string;
  /** GET URL of this page, for the language switch link (default: this URL with `?lang=`). */
  selfUrl?: string;
}

/** The form fields the pages post (the server reads these names). */
export const FORM_FIELDS = Object.freeze({
  csrf: 'csrf', lang: 'lang', username: 'username', password: 'password',
  patient: 'patient', category: 'category', decision: 'decision', grant: 'grant',
});

/** A whole HTML document. `title` is also the page's single h1 (rendered by `body`). */
export function page(options: PageOptions, title: string, body: SafeHtml): string {
  const m = messages(options.lang);
  return html`<!DOCTYPE html>
<html lang="${options.lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>${title} – ${planName(options, m)}</title>
<style>${raw(STYLESHEET)}</style>
</head>
<body>
<header class="top"><span>${planName(options, m)}</span>${languageSwitch(options)}</header>
<main>
${body}
</main>
</body>
</html>
`.toString();
}

/** The plan's name, or the catalogue's "your health plan". */
export function planName(options: PageOptions, m: Messages): string {
  return options.planName ?? m.defaultPlanName;
}

/** Hidden fields every form carries: the CSRF token, and the language so the next page keeps it. */
export function hiddenFields(lang: Lang, csrf: string): SafeHtml {
  return html`<input type="hidden" name="${FORM_FIELDS.csrf}" value="${csrf}"><input type="hidden" name="${FORM_FIELDS.lang}" value="${lang}">`;
}

/** `<form method="post">` opening tag for a server-given action URL. */
export function formStart(action: string, extra?: SafeHtml): SafeHtml {
  return html`<form method="post" action="${localUrl(action)}"${extra}>`;
}

function languageSwitch(options: PageOptions): SafeHtml {
  return html`${LANGUAGES.filter((l) => l !== options.lang).map((other) => {
    const m = messages(other);
    return html`<a href="${switchHref(options.selfUrl, other)}" lang="${other}" hreflang="${other}" aria-label="${m.switchLabel}">${m.languageName}</a>`;
  })}`;
}

function switchHref(selfUrl: string | undefined, lang: Lang): string {
  if (selfUrl === undefined) return `?lang=${lang}`;
  const url = new URL(localUrl(selfUrl), 'http://self.invalid');
  url.searchParams.set('lang', lang);
  return url.origin === 'http://self.invalid' ? `${url.pathname}${url.search}` : url.href;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

/** `<time>` with a machine-readable instant and a long local date in the page language. */
export function time(date: Date, options: PageOptions): SafeHtml {
  return html`<time datetime="${date.toISOString()}">${formatDate(date, options)}</time>`;
}

/** A long date and time in the page language and time zone ("June 1, 2026 at 3:00 PM EDT"). */
export function formatDate(date: Date, options: PageOptions): string {
  const locale = messages(options.lang).locale;
  const zone = options.timeZone ?? 'UTC';
  const key = `${locale} ${zone}`;
  let format = formatters.get(key);
  if (format === undefined) {
    format = new Intl.DateTimeFormat(locale, {
      year: 'numeric', month: 'long', day: 'numeric', hour: 'numeric', minute: '2-digit', timeZoneName: 'short', timeZone: zone,
    });
    formatters.set(key, format);
  }
  return format.format(date);
}
