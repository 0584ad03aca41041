/**
 * Canonical URL → resource, across every loaded package. `url|version` picks that version;
 * a bare URL picks the highest version (US Core 6.1.0's us-core-patient over 3.1.1's).
 * https://hl7.org/fhir/R4/references.html#canonical
 */
import type { CanonicalEntry } from './package-contents.js';
import { compareVersions } from './package-ref.js';

type Json = Record<string, unknown>;

export class CanonicalIndex {
  private readonly byUrl = new Map<string, CanonicalEntry[]>();
  private readonly fallbacks: (() => Iterable<CanonicalEntry>)[] = [];

  /** Adds a resource; the first one added for a given url|version wins (load order: core first). */
  add(entry: CanonicalEntry): void {
    const list = this.byUrl.get(entry.url);
    if (!list) this.byUrl.set(entry.url, [entry]);
    else if (!list.some((e) => e.version === entry.version)) list.push(entry);
  }

  /** Registers entries that are expensive to list (base type definitions), read on the first miss. */
  addFallback(entries: () => Iterable<CanonicalEntry>): void {
    this.fallbacks.push(entries);
  }

  /** The resource for `url` or `url|version`, or undefined. */
  resolve(canonical: string): Json | undefined {
    const bar = canonical.indexOf('|');
    const url = bar < 0 ? canonical : canonical.slice(0, bar);
    const version = bar < 0 ? undefined : canonical.slice(bar + 1);
    let list = this.byUrl.get(url);
    if (!list) {
      this.drainFallbacks();
      list = this.byUrl.get(url);
    }
    if (!list) return undefined;
    if (version !== undefined) return list.find((e) => e.version === version)?.load();
    const newest = list.reduce((best, e) => (compareVersions(e.version ?? '', best.version ?? '') > 0 ? e : best));
    return newest.load();
  }

  private drainFallbacks(): void {
    for (const fallback of this.fallbacks.splice(0)) {
      for (const entry of fallback()) this.add(entry);
    }
  }
}
