/**
 * Every page knows its edition (`Astro.locals.edition`), from its path; the
 * pages of the Traditional edition are converted to Traditional characters once
 * rendered (src/editions/build/traditional.ts), so components are written once, in the
 * essay's own script.
 */
import { defineMiddleware } from 'astro:middleware';
import { editionOfPath } from './core/urls';
import { toTraditionalHtml } from './editions/build/traditional';

export const onRequest = defineMiddleware(async (context, next) => {
  const edition = editionOfPath(context.url.pathname, import.meta.env.BASE_URL);
  context.locals.edition = edition;
  const response = await next();
  if (edition.id !== 'hant' || !response.headers.get('content-type')?.startsWith('text/html')) return response;
  return new Response(toTraditionalHtml(await response.text()), {
    status: response.status,
    headers: response.headers,
  });
});
