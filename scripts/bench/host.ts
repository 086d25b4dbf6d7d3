/**
 * The built site as a compressing static host sends it: scripts/serve.ts (base path, 404
 * page) behind a layer that gzips text. Lighthouse simulates a slow network from the bytes
 * that really cross it, so uncompressed HTML would cost a page round trips no host charges.
 * Gzip rather than Brotli: every host offers it (GitHub Pages offers nothing better), and it is
 * the encoding the first-view budget is written in.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { gzipSync } from 'node:zlib';
import { serve } from '../serve.ts';

const COMPRESSIBLE = /^(text\/|application\/(javascript|json|xml|manifest\+json)|image\/svg\+xml)/;

export async function host(dir: string): Promise<{ origin: string; close: () => void }> {
  const files = await serve(dir, 0);
  const backend = `http://127.0.0.1:${(files.address() as AddressInfo).port}`;
  const front: Server = createServer(async (request, response) => {
    try {
      const headers = Object.fromEntries(
        Object.entries(request.headers).filter((entry): entry is [string, string] => typeof entry[1] === 'string' && entry[0] !== 'accept-encoding'),
      );
      const upstream = await fetch(`${backend}${request.url ?? '/'}`, { method: request.method ?? 'GET', headers, redirect: 'manual' });
      const body = Buffer.from(await upstream.arrayBuffer());
      const out = Object.fromEntries(upstream.headers);
      delete out['content-length'];
      delete out['transfer-encoding'];
      const gzip = upstream.status === 200 && body.length > 0 && COMPRESSIBLE.test(out['content-type'] ?? '') && /\bgzip\b/.test(String(request.headers['accept-encoding'] ?? ''));
      const sent = gzip ? gzipSync(body, { level: 6 }) : body;
      response.writeHead(upstream.status, { ...out, ...(gzip && { 'content-encoding': 'gzip', vary: 'accept-encoding' }), 'content-length': sent.length });
      response.end(request.method === 'HEAD' ? undefined : sent);
    } catch (error) {
      response.writeHead(502).end(String(error));
    }
  });
  await new Promise<void>((resolve) => front.listen(0, '127.0.0.1', resolve));
  return {
    origin: `http://127.0.0.1:${(front.address() as AddressInfo).port}`,
    close: () => {
      front.close();
      files.close();
    },
  };
}
