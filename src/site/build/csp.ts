/**
 * The site's content security policy: everything from its own origin, no inline
 * script but the reader-settings boot script (allowed by its hash), and
 * `wasm-unsafe-eval` for Pagefind's WebAssembly and nothing wider. The pages carry
 * it in a <meta> element; `_headers` (src/site/build/security-headers.ts) sends
 * it as a header, with the directives a <meta> cannot hold, on hosts that read
 * that file (Netlify, Cloudflare Pages).
 */
import { createHash } from 'node:crypto';
import { SETTINGS_BOOT_SCRIPT } from '../../reader/settings';

const hashOf = (script: string) => `'sha256-${createHash('sha256').update(script, 'utf8').digest('base64')}'`;

/** The policy a page's <meta http-equiv="Content-Security-Policy"> holds. */
export const PAGE_POLICY = [
  "default-src 'self'",
  `script-src 'self' 'wasm-unsafe-eval' ${hashOf(SETTINGS_BOOT_SCRIPT)}`,
  // Styles come from the site's stylesheet only; scripts position elements through the CSSOM, which CSP allows.
  "style-src 'self'",
  // The QR code is drawn to a canvas and shown as a data: URL.
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  // The service worker and the web app manifest (src/offline/), from the site itself.
  "worker-src 'self'",
  "manifest-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
].join('; ');

/** What only a response header can carry: who may frame the site. */
export const HEADER_ONLY_POLICY = ["frame-ancestors 'none'"];

/** Every response's security headers, for `_headers`. */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'Content-Security-Policy': [PAGE_POLICY, ...HEADER_ONLY_POLICY].join('; '),
  'Referrer-Policy': 'strict-origin-when-cross-origin',
  'X-Content-Type-Options': 'nosniff',
  // The site uses none of these; clipboard-write stays allowed for the copy buttons.
  'Permissions-Policy': 'camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()',
};
