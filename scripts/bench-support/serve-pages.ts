/** Serves the bench pages on 127.0.0.1, from memory or from the corpus on disk. */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { BenchPage } from './bench-pages.ts';

export interface PageServer {
  origin: string;
  close(): Promise<void>;
}

export async function servePages(pages: readonly BenchPage[]): Promise<PageServer> {
  const byPath = new Map(pages.map((page) => [page.path, page]));
  const server = createServer((request, response) => {
    const path = new URL(request.url ?? '/', 'http://bench').pathname;
    const page = byPath.get(path);
    if (page === undefined) {
      // Real pages ask for their images, styles and scripts: none of those are kept.
      response.writeHead(404, { 'content-type': 'text/plain' }).end('not kept');
      return;
    }
    try {
      const body = page.body();
      response
        .writeHead(200, { 'content-type': page.contentType, 'cache-control': 'no-store' })
        .end(body);
    } catch (error) {
      response.writeHead(500, { 'content-type': 'text/plain' }).end(String(error));
    }
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((done) => {
        server.closeAllConnections();
        server.close(() => done());
      }),
  };
}
