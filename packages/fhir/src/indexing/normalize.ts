/**
 * Value normalisation shared by index extraction (write time) and search parsing (query
 * time), so that both sides of a comparison are produced by the same code.
 */

/** Lower-case, strip accents (NFD + remove combining marks) and the ʻokina/apostrophes, collapse white space. */
export function normalizeString(value: string): string {
  return value
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    // The ʻokina and apostrophes: people type `Kaiulani`, `Aiea` or `obrien` as often as
    // `Kaʻiulani`, `ʻAiea` or `O'Brien`, and a search must find both (kahakō go with the accents).
    .replace(APOSTROPHES, '')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

const APOSTROPHES = /[\u02bb\u02bc\u2018\u2019']/g;

/** Smallest/largest instants we store for open-ended ranges (JS Date limits). */
export const MIN_INSTANT = -8.64e15;
export const MAX_INSTANT = 8.64e15;

// FHIR date / dateTime / instant: YYYY, YYYY-MM, YYYY-MM-DD, then optional time and zone.
const DATE_RE =
  /^(\d{4})(?:-(\d{2})(?:-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(\.\d+)?)?(Z|[+-]\d{2}:\d{2})?)?)?)?$/;

/**
 * The range [low, high) in epoch ms that a FHIR date/dateTime/instant covers given its precision
 * (`2020` → the whole year). Values without a zone are taken as UTC. Returns undefined if the
 * text is not a valid date (including impossible ones such as `2020-13-45` or `2021-02-29`).
 */
export function dateRange(text: string): { low: number; high: number } | undefined {
  const m = DATE_RE.exec(text);
  if (!m) return undefined;
  const [, y, mo, d, h, mi, s, frac, zone] = m;
  const year = Number(y);
  const month = mo === undefined ? undefined : Number(mo);
  const day = d === undefined ? undefined : Number(d);
  if (month !== undefined && (month < 1 || month > 12)) return undefined;
  if (day !== undefined && (day < 1 || day > daysInMonth(year, month!))) return undefined;
  if (h !== undefined && (Number(h) > 23 || Number(mi) > 59 || (s !== undefined && Number(s) > 59))) return undefined;
  const offsetMs = zoneOffsetMs(zone);
  if (offsetMs === undefined) return undefined;

  const utc = (yy: number, mm: number, dd: number, hh = 0, mn = 0, ss = 0, ms = 0): number => {
    const t = Date.UTC(yy, mm, dd, hh, mn, ss, ms);
    // Date.UTC maps years 0-99 to 1900+; setUTCFullYear keeps them literal.
    const dt = new Date(t);
    dt.setUTCFullYear(yy);
    return dt.getTime();
  };
  if (month === undefined) return { low: utc(year, 0, 1), high: utc(year + 1, 0, 1) };
  if (day === undefined) return { low: utc(year, month - 1, 1), high: utc(year, month, 1) };
  if (h === undefined) return { low: utc(year, month - 1, day), high: utc(year, month - 1, day + 1) };

  const base = utc(year, month - 1, day, Number(h), Number(mi)) - offsetMs;
  if (s === undefined) return { low: base, high: base + 60_000 };
  const seconds = base + Number(s) * 1000;
  if (frac === undefined) return { low: seconds, high: seconds + 1000 };
  // Millisecond storage: a fraction finer than 1 ms still covers at least that millisecond.
  const digits = frac.length - 1;
  const ms = Math.floor(Number(frac) * 1000);
  const width = digits >= 3 ? 1 : 10 ** (3 - digits);
  return { low: seconds + ms, high: seconds + ms + width };
}

const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function daysInMonth(year: number, month: number): number {
  return month === 2 && isLeap(year) ? 29 : MONTH_DAYS[month - 1]!;
}

function isLeap(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

function zoneOffsetMs(zone: string | undefined): number | undefined {
  if (zone === undefined || zone === 'Z') return 0;
  const sign = zone.startsWith('-') ? -1 : 1;
  const hh = Number(zone.slice(1, 3));
  const mm = Number(zone.slice(4, 6));
  if (hh > 14 || mm > 59) return undefined;
  return sign * (hh * 60 + mm) * 60_000;
}

/**
 * A decimal as written and the range its precision implies: `100` → [99.5, 100.5),
 * `1.50` → [1.495, 1.505). Exponent forms (`1e2`) take the precision of their mantissa.
 * Returns undefined for text that is not a FHIR decimal.
 */
export function numberRange(text: string): { value: number; low: number; high: number } | undefined {
  const m = /^([+-]?)(\d+)(?:\.(\d+))?(?:[eE]([+-]?\d+))?$/.exec(text);
  if (!m) return undefined;
  const value = Number(text);
  if (!Number.isFinite(value)) return undefined;
  const decimals = (m[3]?.length ?? 0) - Number(m[4] ?? 0);
  const half = 0.5 * 10 ** -decimals;
  return { value, low: value - half, high: value + half };
}
