/** Which catalogue a page uses: an explicit `?lang=` (the language switch) wins, then Accept-Language. */

export const LANGUAGES = ['en', 'es'] as const;
export type Lang = (typeof LANGUAGES)[number];
export const DEFAULT_LANG: Lang = 'en';

/** `es-MX` → `es`; undefined for a language without a catalogue. */
export function supportedLanguage(tag: unknown): Lang | undefined {
  if (typeof tag !== 'string') return undefined;
  const primary = tag.trim().toLowerCase().split(/[-_]/)[0];
  return (LANGUAGES as readonly string[]).includes(primary ?? '') ? (primary as Lang) : undefined;
}

/**
 * The page language from the `lang` query or form value (or a member's saved preference, passed
 * the same way) and the Accept-Language header (RFC 9110 §12.5.4: highest q first, q=0 never).
 */
export function pickLanguage(acceptLanguage?: string | string[], lang?: string | string[]): Lang {
  const explicit = supportedLanguage(Array.isArray(lang) ? lang[0] : lang);
  if (explicit !== undefined) return explicit;
  const header = Array.isArray(acceptLanguage) ? acceptLanguage.join(',') : acceptLanguage ?? '';
  const ranked = header.split(',').slice(0, 50).map((part, index) => {
    const [tag = '', ...params] = part.split(';');
    const q = params.map((p) => /^\s*q\s*=\s*([01](?:\.\d{0,3})?)\s*$/i.exec(p)?.[1]).find((v) => v !== undefined);
    return { lang: supportedLanguage(tag), q: q === undefined ? 1 : Number(q), index };
  });
  ranked.sort((a, b) => b.q - a.q || a.index - b.index);
  return ranked.find((r) => r.lang !== undefined && r.q > 0)?.lang ?? DEFAULT_LANG;
}
