/**
 * Escape-aware splitting of search values: `,` separates OR-ed values, `|` separates
 * system and code, `$` separates composite parts; a backslash escapes each of them.
 * https://hl7.org/fhir/R4/search.html#escaping
 */

/** Splits on an unescaped separator and unescapes `\,` `\|` `\$` `\\` in each part. */
export function splitUnescaped(text: string, separator: ',' | '|' | '$'): string[] {
  const parts: string[] = [];
  let current = '';
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (ch === '\\' && i + 1 < text.length) {
      const next = text[i + 1]!;
      // Keep escapes of the other separators for the next split level.
      current += next === separator ? next : ch + next;
      i++;
    } else if (ch === separator) {
      parts.push(current);
      current = '';
    } else {
      current += ch;
    }
  }
  parts.push(current);
  return parts;
}

/** Removes the remaining escapes once a value is fully split. */
export function unescapeValue(text: string): string {
  return text.replace(/\\([,|$\\])/g, '$1');
}
