import type { APIRoute } from 'astro';
import { absoluteUrl, assetPath, searchPath } from '../core/urls';
import { EDITIONS } from '../core/editions';

/** robots.txt: everything may be crawled but each edition's search results; the sitemap is named with the configured site. */
export const GET: APIRoute = ({ site }) =>
  new Response(
    [
      'User-agent: *',
      ...EDITIONS.map((edition) => `Disallow: ${searchPath(edition)}`),
      `Sitemap: ${absoluteUrl(assetPath('sitemap-index.xml'), site)}`,
      '',
    ].join('\n'),
    { headers: { 'Content-Type': 'text/plain; charset=utf-8' } },
  );
