/**
 * The web app manifest of an edition (`manifest.webmanifest` in its folder, linked from each of
 * its pages): what 「添加到主屏幕」 and a desktop install show and open. Both editions' apps start
 * at their full essay and may go anywhere on the site (their scope is the base path: the edition
 * switch stays in the app). Colours: the light theme's paper, and the dark theme's in
 * `color_scheme_dark` (the manifest's member for a dark system theme, w3c/manifest#1207).
 */
import { DARK_PALETTE, LIGHT_PALETTE } from '../../core/brand';
import { ICONS, iconFile } from '../icon-files';

export interface WebAppManifest {
  id: string;
  name: string;
  short_name: string;
  description: string;
  lang: string;
  dir: 'ltr';
  start_url: string;
  scope: string;
  display: 'standalone';
  theme_color: string;
  background_color: string;
  color_scheme_dark: { theme_color: string; background_color: string };
  icons: Array<{ src: string; sizes: string; type: 'image/png'; purpose: string }>;
  categories: string[];
}

export interface ManifestInput {
  /** The essay's title, and the short name under the icon (the site's name: its author's). */
  name: string;
  shortName: string;
  description: string;
  lang: string;
  /** The base path, with its trailing slash, and the edition's full essay under it. */
  base: string;
  start: string;
}

export function webAppManifest({ name, shortName, description, lang, base, start }: ManifestInput): WebAppManifest {
  return {
    id: start,
    name,
    short_name: shortName,
    description,
    lang,
    dir: 'ltr',
    start_url: start,
    scope: base,
    display: 'standalone',
    theme_color: LIGHT_PALETTE.paper,
    background_color: LIGHT_PALETTE.paper,
    color_scheme_dark: { theme_color: DARK_PALETTE.paper, background_color: DARK_PALETTE.paper },
    icons: ICONS.flatMap((icon) =>
      icon.purpose ? [{ src: `${base}${iconFile(icon)}`, sizes: `${icon.size}x${icon.size}`, type: 'image/png' as const, purpose: icon.purpose }] : [],
    ),
    categories: ['books'],
  };
}
