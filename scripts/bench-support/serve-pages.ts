/**
 * Serves the bench pages on 127.0.0.1, from memory or from disk (the corpus, the repo's
 * fixtures), and the files pages declare as their assets.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { BenchAsset, BenchPage } from './bench-pages.ts';

export interface PageServer {
  origin: string;
  close(): Promise<void>;
}

export async function servePages(pages: readonly BenchPage[]): Promise<PageServer> {
  // Pages sharing an asset declare the same path for it: one entry serves them all.
  const byPath = new Map<string, BenchPage | BenchAsset>(
    pages.flatMap((page) => [...(page.assets ?? []), page]).map((file) => [file.path, file]),
  );
  const server = createServer((request, response) => {
    const path = new URL(request.url ?? '/', 'http://bench').pathname;
    const file = byPath.get(path);
    if (file === undefined) {
      // Real pages ask for their images, styles and scripts: none of those are kept.
      response.writeHead(404, { 'content-type': 'text/plain' }).end('not kept');
      return;
    }
    try {
      const body = file.body();
      response
        .writeHead(200, { 'content-type': file.contentType, 'cache-control': 'no-store' })
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
