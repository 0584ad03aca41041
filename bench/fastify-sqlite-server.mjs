// A second reference for the read scenario: the least a Fastify + SQLite design can do per
// request — one prepared primary-key lookup whose stored text is sent as is, nothing else (no
// environments, validation, conditional requests or error handling).
// Usage: node bench/fastify-sqlite-server.mjs PORT SQLITE_FILE
import Database from 'better-sqlite3';
import Fastify from 'fastify';

const [port, file] = process.argv.slice(2);
const db = new Database(file, { readonly: true });
db.pragma('cache_size = -32000');
const lookup = db.prepare(
  "SELECT r.content FROM resource r JOIN environment e ON e.env = r.env WHERE e.name = 'production' AND r.type = ? AND r.id = ?",
);
const app = Fastify({ logger: false });
app.get('/fhir/R4/:type/:id', (request, reply) => {
  const { type, id } = request.params;
  const row = lookup.get(type, id);
  if (!row) return reply.code(404).send();
  return reply.header('content-type', 'application/fhir+json; charset=utf-8').send(row.content);
});
await app.listen({ port: Number(port), host: '127.0.0.1' });
process.send?.('ready');
