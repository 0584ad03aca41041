/**
 * A FIFO async mutex. SQLite has a single writer connection and better-sqlite3 runs a
 * transaction on it across `await`s, so two writers must never interleave on it.
 */
export class Mutex {
  #tail: Promise<void> = Promise.resolve();

  /** Runs `fn` once every earlier caller has finished (whether it resolved or threw). */
  async run<T>(fn: () => Promise<T>): Promise<T> {
    const previous = this.#tail;
    let release!: () => void;
    this.#tail = new Promise<void>((resolve) => { release = resolve; });
    await previous;
    try {
      return await fn();
    } finally {
      release();
    }
  }
}
