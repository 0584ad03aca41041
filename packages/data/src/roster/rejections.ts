/** Rejected lines and why, gathered from every stage; each line is reported once, its reasons joined. */
import type { RejectedRow } from './import-plan.js';

export class Rejections {
  private readonly reasons = new Map<number, string[]>();

  constructor(initial: readonly RejectedRow[] = []) {
    for (const r of initial) this.add(r.line, r.reason);
  }

  add(line: number, reason: string): void {
    const list = this.reasons.get(line);
    if (list === undefined) this.reasons.set(line, [reason]);
    else if (!list.includes(reason)) list.push(reason);
  }

  has(line: number): boolean {
    return this.reasons.has(line);
  }

  get size(): number {
    return this.reasons.size;
  }

  list(): RejectedRow[] {
    return [...this.reasons].sort((a, b) => a[0] - b[0]).map(([line, reasons]) => ({ line, reason: reasons.join('; ') }));
  }
}
