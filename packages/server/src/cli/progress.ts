/**
 * Progress on stderr for long imports: a redrawn bar when stderr is a terminal, otherwise
 * (logs, CI, pipes) a plain line now and then, so the output stays readable as text.
 */

export interface ProgressStream {
  write(text: string): unknown;
  readonly isTTY?: boolean;
  readonly columns?: number;
}

export interface Progress {
  /** Rows read so far (no total known while streaming). */
  rows(count: number, final?: boolean): void;
  /** `done` of `total` in a named phase. */
  step(phase: string, done: number, total?: number): void;
  /** Ends the bar line (call before printing anything else). */
  finish(): void;
}

const fmt = (n: number): string => n.toLocaleString('en-US');
const REDRAW_MS = 100;
const PLAIN_ROWS = 10_000;

export function createProgress(stream: ProgressStream, now: () => number = Date.now): Progress {
  return stream.isTTY ? ttyProgress(stream, now) : plainProgress(stream);
}

function ttyProgress(stream: ProgressStream, now: () => number): Progress {
  let drawn = false;
  let last = 0;
  const draw = (text: string, force: boolean): void => {
    const t = now();
    if (!force && t - last < REDRAW_MS) return;
    last = t;
    drawn = true;
    stream.write(`\r\x1b[K${text}`);
  };
  return {
    rows: (count, final = false) => draw(`reading: ${fmt(count)} rows`, final),
    step: (phase, done, total) => {
      if (total === undefined || total === 0) return draw(`${phase}: ${fmt(done)}`, false);
      const width = Math.max(10, Math.min(40, (stream.columns ?? 80) - 40));
      const filled = Math.round((done / total) * width);
      draw(`${phase} [${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${Math.floor((done / total) * 100)}% ${fmt(done)}/${fmt(total)}`, done === total);
    },
    finish: () => {
      if (drawn) stream.write('\n');
      drawn = false;
    },
  };
}

function plainProgress(stream: ProgressStream): Progress {
  let nextRows = PLAIN_ROWS;
  const tenths = new Map<string, number>();
  return {
    rows: (count, final = false) => {
      if (!final && count < nextRows) return;
      while (nextRows <= count) nextRows += PLAIN_ROWS;
      stream.write(`read ${count} rows\n`);
    },
    step: (phase, done, total) => {
      if (total === undefined || total === 0) return;
      // One line per tenth reached, and the last one.
      const tenth = Math.floor((done / total) * 10);
      if (tenth <= (tenths.get(phase) ?? 0) && done !== total) return;
      tenths.set(phase, done === total ? 11 : tenth);
      stream.write(`${phase}: ${done}/${total}\n`);
    },
    finish: () => {},
  };
}
