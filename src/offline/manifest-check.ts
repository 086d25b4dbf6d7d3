/**
 * What an installable manifest must hold, checked on a parsed manifest: by the tests on the built
 * one (tests/e2e/offline.spec.ts, tests/unit/offline.spec.ts) and by the bench (scripts/bench/offline.ts).
 * The browsers' own conditions (Chromium: a name, icons of 144 px or more, a start URL, a
 * standalone display) and the issue's: short name, 192 and 512 px icons, a maskable one, the
 * colours of both themes. Imports nothing: Node runs it as it is, from the bench.
 */

export interface ManifestIcon {
  src: string;
  sizes: string;
  type?: string;
  purpose?: string;
}

/** The problems of a manifest, none when it is complete; `icons`: its icons, to check their files. */
export function manifestProblems(manifest: unknown): { problems: string[]; icons: ManifestIcon[] } {
  const problems: string[] = [];
  if (typeof manifest !== 'object' || manifest === null) return { problems: ['not a JSON object'], icons: [] };
  const m = manifest as Record<string, unknown>;
  const text = (key: string) => {
    if (typeof m[key] !== 'string' || !(m[key] as string).trim()) problems.push(`no ${key}`);
  };
  ['name', 'short_name', 'start_url', 'scope', 'theme_color', 'background_color', 'lang'].forEach(text);
  if (m['display'] !== 'standalone') problems.push(`display is ${String(m['display'])}, not standalone`);
  const dark = m['color_scheme_dark'] as Record<string, unknown> | undefined;
  if (typeof dark?.['theme_color'] !== 'string' || typeof dark['background_color'] !== 'string') problems.push('no dark theme colours (color_scheme_dark)');
  const icons = Array.isArray(m['icons']) ? (m['icons'] as ManifestIcon[]) : [];
  const has = (size: number, purpose: string) =>
    icons.some((icon) => icon.sizes === `${size}x${size}` && icon.type === 'image/png' && (icon.purpose ?? 'any').split(' ').includes(purpose));
  if (!has(192, 'any')) problems.push('no 192 px PNG icon');
  if (!has(512, 'any')) problems.push('no 512 px PNG icon');
  if (!icons.some((icon) => (icon.purpose ?? '').split(' ').includes('maskable'))) problems.push('no maskable icon');
  return { problems, icons };
}
