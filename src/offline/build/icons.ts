/**
 * The home-screen icons, drawn at build time from the site's mark (core/brand.ts, the favicon's
 * drawing) with resvg, as the share cards are: the mark as it is (its corners rounded, the rest
 * transparent) at 192 and 512 px; and full-bleed, the red to the edges, for systems that cut
 * their own shape: the maskable icon (its lines lie inside the middle 80 % that any mask keeps)
 * and iOS's apple-touch-icon (iOS rounds the corners itself and fills transparency with black).
 */
import { Resvg } from '@resvg/resvg-js';
import { SITE_MARK_SVG } from '../../core/brand';
import type { Icon } from '../icon-files';

/** The mark without its rounded corners. */
export function fullBleedMark(svg: string = SITE_MARK_SVG): string {
  const squared = svg.replace(/(<rect\b[^>]*?)\s+rx="[^"]*"/, '$1');
  if (squared === svg) throw new Error('icons: the site mark (core/brand.ts) has no rounded rectangle to square');
  return squared;
}

export function renderIcon(icon: Icon): Uint8Array<ArrayBuffer> {
  const svg = icon.purpose === 'any' ? SITE_MARK_SVG : fullBleedMark();
  const png = new Resvg(svg, { fitTo: { mode: 'width', value: icon.size }, font: { loadSystemFonts: false } }).render().asPng();
  return new Uint8Array(png);
}
