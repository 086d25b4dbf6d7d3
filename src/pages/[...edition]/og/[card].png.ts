/**
 * The share card images of each edition: og/index.png for the essay, og/<slug>.png for
 * each section, drawn at build time by src/lib/share-card.ts, in the edition's script.
 * Pages point at them with shareCardPath().
 */
import type { APIRoute, GetStaticPaths, InferGetStaticPropsType } from 'astro';
import { getEssay } from '../../../lib/essay';
import { renderShareCard, shareCardName, type ShareCard } from '../../../lib/share-card';
import { EDITIONS, editionParam } from '../../../lib/editions';
import { toTraditional } from '../../../lib/traditional';

export const getStaticPaths = (async () => {
  const essay = await getEssay();
  const essayCard = shareCardName();
  const cards = [
    { card: essayCard, props: { heading: essay.title, author: essay.author } satisfies ShareCard },
    ...essay.sections.map((section) => {
      if (shareCardName(section.data.slug) === essayCard) {
        throw new Error(`${section.filePath}: slug "${section.data.slug}" is taken by the essay's share card; choose another.`);
      }
      return {
        card: shareCardName(section.data.slug),
        props: { heading: section.data.title, title: essay.title, author: essay.author } satisfies ShareCard,
      };
    }),
  ];
  return EDITIONS.flatMap((edition) => {
    const script = edition.id === 'hant' ? toTraditional : (text: string) => text;
    return cards.map(({ card, props }) => ({
      params: { edition: editionParam(edition), card },
      props: {
        heading: script(props.heading),
        ...('title' in props && { title: script(props.title) }),
        author: script(props.author),
      } satisfies ShareCard,
    }));
  });
}) satisfies GetStaticPaths;

type Props = InferGetStaticPropsType<typeof getStaticPaths>;

export const GET: APIRoute<Props> = async ({ props }) =>
  new Response(await renderShareCard(props), { headers: { 'Content-Type': 'image/png' } });
