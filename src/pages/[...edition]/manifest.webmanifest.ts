/**
 * Each edition's web app manifest, in its folder (src/offline/build/manifest.ts), in the
 * edition's script: its pages link it (src/site/BaseLayout.astro).
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { getEssay, shownText } from '../../essay/build/essay';
import { describe } from '../../sharing/build/page-meta';
import { webAppManifest } from '../../offline/build/manifest';
import { inEditionScript } from '../../editions/build/traditional';
import { editionParams } from '../../core/editions';
import { essayPath, withTrailingSlash } from '../../core/urls';

export const getStaticPaths = (() => editionParams()) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ locals: { edition } }) => {
  const essay = await getEssay();
  const manifest = webAppManifest({
    name: essay.title,
    shortName: essay.author,
    description: describe(shownText(essay.lede)),
    lang: edition.lang,
    base: withTrailingSlash(import.meta.env.BASE_URL),
    start: essayPath(edition),
  });
  return new Response(inEditionScript(edition, JSON.stringify(manifest)), { headers: { 'Content-Type': 'application/manifest+json' } });
};
