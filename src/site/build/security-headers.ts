/**
 * After `astro build`: `_headers`, the security headers file that static hosts such
 * as Netlify and Cloudflare Pages read, from src/site/build/csp.ts, so it can never drift
 * from the policy in the pages. scripts/serve.ts sends the same headers.
 */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { SECURITY_HEADERS } from './csp';
import { withTrailingSlash } from '../../core/urls';

export function headersFile(base: string): string {
  const lines = Object.entries(SECURITY_HEADERS).map(([name, value]) => `  ${name}: ${value}`);
  return [`${base}*`, ...lines, ''].join('\n');
}

export function securityHeaders(): AstroIntegration {
  let base = '/';
  return {
    name: 'essay-security-headers',
    hooks: {
      'astro:config:done': ({ config }) => {
        base = withTrailingSlash(config.base);
      },
      'astro:build:done': async ({ dir }) => {
        await writeFile(join(fileURLToPath(dir), '_headers'), headersFile(base));
      },
    },
  };
}
