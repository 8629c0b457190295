// A tiny static HTTP server on 127.0.0.1 for the demo, the e2e tests and the benchmark.
// Only loopback: nothing here is reachable from elsewhere.
import http from 'node:http';

/**
 * @param {(path: string) => Promise<{ body: string | Buffer, type?: string } | null>} resolve
 *   returns the response for a path, or null for 404
 * @param {number} [port] 0 picks a free port
 */
export async function serve(resolve, port = 0) {
  const server = http.createServer(async (req, res) => {
    try {
      const path = decodeURIComponent(new URL(req.url ?? '/', 'http://127.0.0.1').pathname);
      const hit = await resolve(path);
      if (!hit) {
        res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
        return;
      }
      res.writeHead(200, { 'content-type': hit.type ?? 'text/html; charset=utf-8', 'cache-control': 'no-store' });
      res.end(hit.body);
    } catch (err) {
      res.writeHead(500, { 'content-type': 'text/plain' }).end(String(err));
    }
  });
  await new Promise((ok, fail) => {
    server.once('error', fail);
    server.listen(port, '127.0.0.1', ok);
  });
  const address = server.address();
  const origin = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : port}`;
  return {
    origin,
    close: () => new Promise((ok) => server.close(() => ok(undefined))),
  };
}

/** Content type for a saved page: the Slashdot fixtures are ISO-8859-1, as the site served them. */
export function htmlType(body) {
  const head = body.subarray(0, 2048).toString('latin1');
  return /charset=["']?(iso-8859-1|windows-1252)/i.test(head) ? 'text/html; charset=iso-8859-1' : 'text/html; charset=utf-8';
}
