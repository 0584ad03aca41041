/**
 * Environment names (`sandbox`, `production`, …) ↔ the small integer carried by every row.
 * Ids never change once assigned, so a resolved name is cached for the life of the store.
 */
import { badRequest, notFound } from '@payerport/fhir';
import type { Backend } from '../sql/backend.js';

const ENV_NAME = /^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/;

export class Environments {
  readonly #backend: Backend;
  readonly #ids = new Map<string, number>();

  constructor(backend: Backend) {
    this.#backend = backend;
  }

  /** The id if already resolved: lets the read path skip an `await`. */
  cached(name: string): number | undefined {
    return this.#ids.get(name);
  }

  /** The id of `name`; FhirError 404 if no such environment exists. */
  async id(name: string): Promise<number> {
    const cached = this.#ids.get(name);
    if (cached !== undefined) return cached;
    // Another node (or the CLI) may have created it since we started.
    const rows = await this.#backend.reader.all<{ env: number }>('SELECT env FROM environment WHERE name = ?', [name]);
    const id = rows[0]?.env;
    if (id === undefined) throw notFound(`Unknown environment '${name}'`);
    this.#ids.set(name, id);
    return id;
  }

  /** Creates `name` if missing (idempotent, safe against concurrent creators). */
  async ensure(name: string): Promise<number> {
    if (!ENV_NAME.test(name)) throw badRequest(`Invalid environment name '${name}'`);
    const id = await this.#backend.write(async (exec) => {
      await exec.run('INSERT INTO environment (name) VALUES (?) ON CONFLICT (name) DO NOTHING', [name]);
      const rows = await exec.all<{ env: number }>('SELECT env FROM environment WHERE name = ?', [name]);
      return rows[0]!.env;
    });
    this.#ids.set(name, id);
    return id;
  }

  /** All environment names, in creation order. */
  async list(): Promise<string[]> {
    const rows = await this.#backend.reader.all<{ name: string }>('SELECT name FROM environment ORDER BY env');
    return rows.map((row) => row.name);
  }
}
