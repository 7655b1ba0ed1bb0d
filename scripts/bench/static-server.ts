/**
 * A small static file server for a built site, which counts the bytes it sends under some path
 * prefixes (the search index): counting at the server is counting what really crossed the wire,
 * whatever the browser took from its cache. Like the documented nginx configuration, it
 * compresses text (and WebAssembly) with gzip and lets the browser cache files.
 */
import { createReadStream, readFileSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { extname, join, normalize } from 'node:path';
import { gzipSync } from 'node:zlib';

const types: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.xml': 'application/xml',
  '.svg': 'image/svg+xml',
  '.wasm': 'application/wasm',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.webp': 'image/webp',
};
/** What nginx's gzip_types in docs/nginx.conf compresses. */
const compressible = new Set(['.html', '.js', '.css', '.json', '.xml', '.svg', '.wasm']);

export interface StaticServer {
  url: string;
  /** Bytes sent so far for paths under the counted prefixes. */
  counted(): number;
  close(): Promise<void>;
}

export function serveStatic(root: string, countedPrefixes: readonly string[]): Promise<StaticServer> {
  let bytes = 0;
  const gzipped = new Map<string, Buffer>();
  const server: Server = createServer((request, response) => {
    const path = decodeURIComponent((request.url ?? '/').split('?')[0]!);
    let file = join(root, normalize(path).replace(/^(\.\.[/\\])+/, ''));
    const stat = statSync(file, { throwIfNoEntry: false });
    if (stat?.isDirectory()) file = join(file, 'index.html');
    const found = statSync(file, { throwIfNoEntry: false });
    if (!found?.isFile()) {
      response.writeHead(404).end('not found');
      return;
    }
    const extension = extname(file);
    const count = (size: number) => {
      if (countedPrefixes.some((prefix) => path.startsWith(prefix))) bytes += size;
    };
    response.setHeader('Content-Type', types[extension] ?? 'application/octet-stream');
    response.setHeader('Cache-Control', 'max-age=3600');
    if (compressible.has(extension) && /\bgzip\b/.test(String(request.headers['accept-encoding'] ?? ''))) {
      let body = gzipped.get(file);
      if (!body) gzipped.set(file, (body = gzipSync(readFileSync(file))));
      response.setHeader('Content-Encoding', 'gzip');
      response.setHeader('Content-Length', body.length);
      count(body.length);
      response.end(body);
      return;
    }
    response.setHeader('Content-Length', found.size);
    count(found.size);
    createReadStream(file).pipe(response);
  });
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      resolve({
        url: `http://127.0.0.1:${port}`,
        counted: () => bytes,
        close: () =>
          new Promise((done) => {
            // The browser keeps connections open; they would hold the server up.
            server.closeAllConnections();
            server.close(() => done());
          }),
      });
    });
  });
}
