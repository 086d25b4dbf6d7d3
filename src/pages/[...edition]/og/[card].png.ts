/**
 * The share card images of each edition: og/index.png for the essay, og/<slug>.png for
 * each section, drawn at build time by src/sharing/build/share-card.ts, in the edition's script.
 * Pages point at them with shareCardPath().
 */
import type { APIRoute, GetStaticPaths, InferGetStaticPropsType } from 'astro';
import { getEssay } from '../../../essay/build/essay';
import { SEARCH_CARD, shareCardName } from '../../../sharing/build/card-paths';
import { renderShareCard, type ShareCard } from '../../../sharing/build/share-card';
import { strings } from '../../../core/strings';
import { EDITIONS, editionParam } from '../../../core/editions';
import { inEditionScript } from '../../../editions/build/traditional';
import { phraseBreaks } from '../../../core/phrase-breaks';

export const getStaticPaths = (async () => {
  const essay = await getEssay();
  const essayCard = shareCardName();
  for (const section of essay.sections) {
    if (shareCardName(section.data.slug) === essayCard) {
      throw new Error(`${section.filePath}: slug "${section.data.slug}" is taken by the essay's share card; choose another.`);
    }
  }
  return EDITIONS.flatMap((edition) => {
    const shown = (text: string) => inEditionScript(edition, text);
    const params = (card: string) => ({ edition: editionParam(edition), card });
    return [
      {
        params: params(essayCard),
        props: {
          heading: shown(essay.title),
          headingBreaks: phraseBreaks(essay.title),
          author: shown(essay.author),
          edition: edition.id,
        } satisfies ShareCard,
      },
      ...essay.sections.map((section) => ({
        params: params(shareCardName(section.data.slug)),
        props: {
          heading: shown(section.title),
          headingBreaks: phraseBreaks(section.title),
          title: shown(essay.title),
          titleBreaks: phraseBreaks(essay.title),
          author: shown(essay.author),
          edition: edition.id,
        } satisfies ShareCard,
      })),
      {
        params: params(SEARCH_CARD),
        props: {
          heading: shown(strings.search.label),
          headingBreaks: phraseBreaks(strings.search.label),
          title: shown(essay.title),
          titleBreaks: phraseBreaks(essay.title),
          author: shown(essay.author),
          edition: edition.id,
        } satisfies ShareCard,
      },
    ];
  });
}) satisfies GetStaticPaths;

type Props = InferGetStaticPropsType<typeof getStaticPaths>;

export const GET: APIRoute<Props> = async ({ props }) =>
  new Response(await renderShareCard(props), { headers: { 'Content-Type': 'image/png' } });
