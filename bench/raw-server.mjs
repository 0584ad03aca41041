// The ceiling for the HTTP benchmarks: a bare node:http server answering every request with
// the same bytes (and content type) payerport returned for the scenario.
// Usage: node bench/raw-server.mjs PORT BODY_FILE CONTENT_TYPE
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';

const [port, file, contentType] = process.argv.slice(2);
const body = readFileSync(file);
createServer((req, res) => {
  res.writeHead(200, { 'content-type': contentType, 'content-length': body.length });
  res.end(body);
}).listen(Number(port), '127.0.0.1', () => process.send?.('ready'));
