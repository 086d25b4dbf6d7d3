import type { APIRoute } from 'astro';
import { absoluteUrl, assetPath, searchPath } from '../lib/urls';

/** robots.txt: everything may be crawled but search results; the sitemap is named with the configured site. */
export const GET: APIRoute = ({ site }) =>
  new Response(
    ['User-agent: *', `Disallow: ${searchPath()}`, `Sitemap: ${absoluteUrl(assetPath('sitemap-index.xml'), site)}`, ''].join('\n'),
    { headers: { 'Content-Type': 'text/plain; charset=utf-8' } },
  );
