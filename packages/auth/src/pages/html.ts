/**
 * HTML that is escaped unless proven safe: `html` escapes every interpolated value except
 * SafeHtml (the output of another `html` template), so markup can only come from template
 * literals in this package. Attribute values in templates are always double-quoted.
 */

/** Markup produced by `html` (or `raw`): interpolated as is. */
export class SafeHtml {
  readonly #text: string;
  constructor(text: string) {
    this.#text = text;
  }
  toString(): string {
    return this.#text;
  }
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** `text` with the five HTML-significant characters escaped (safe in content and quoted attributes). */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c]!);
}

/**
 * Tagged template: `html\`<p>${name}</p>\`` escapes `name`. Arrays are rendered item by item;
 * undefined, null and false render nothing (for conditional fragments).
 */
export function html(strings: TemplateStringsArray, ...values: unknown[]): SafeHtml {
  let out = strings[0]!;
  for (let i = 0; i < values.length; i++) out += render(values[i]) + strings[i + 1]!;
  return new SafeHtml(out);
}

/** Trusted markup (constants of this package only — never data). */
export function raw(markup: string): SafeHtml {
  return new SafeHtml(markup);
}

function render(value: unknown): string {
  if (value instanceof SafeHtml) return value.toString();
  if (Array.isArray(value)) return value.map(render).join('');
  if (value === undefined || value === null || value === false) return '';
  return escapeHtml(String(value));
}

/**
 * `url` if it is an absolute http(s) URL, else undefined: app-supplied links (policy, terms,
 * logo) never become `javascript:`, `data:` or relative links. `httpsOnly` for images, which
 * would otherwise be mixed content.
 */
export function safeUrl(url: string | undefined, httpsOnly = false): string | undefined {
  if (url === undefined || url.length > 2048) return undefined;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return undefined;
  }
  if (parsed.protocol === 'https:' || (!httpsOnly && parsed.protocol === 'http:')) return parsed.href;
  return undefined;
}

/**
 * A form action or page link given by the server: a same-origin path (`/…`, not `//…`) or an
 * http(s) URL. Anything else is a programming error, thrown rather than rendered.
 */
export function localUrl(url: string): string {
  if (/^\/(?!\/)/.test(url) && !/[\s\\]/.test(url)) return url;
  const absolute = safeUrl(url);
  if (absolute === undefined) throw new TypeError(`not a usable page URL: ${JSON.stringify(url)}`);
  return absolute;
}

/**
 * A translated sentence with markup in it (a `<time>`, a link): `format` is called with a
 * placeholder, the text around it is escaped and `markup` goes where the placeholder was.
 */
export function withMarkup(format: (slot: string) => string, markup: SafeHtml): SafeHtml {
  const slot = '\u0000';
  return html`${format(slot).split(slot).flatMap((text, i) => (i === 0 ? [text] : [markup, text]))}`;
}
