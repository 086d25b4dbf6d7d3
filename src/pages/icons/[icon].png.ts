/** The home-screen icons, shared by both editions, drawn at build time (src/offline/build/icons.ts). */
import type { APIRoute, GetStaticPaths } from 'astro';
import { renderIcon } from '../../offline/build/icons';
import { ICONS, type Icon } from '../../offline/icon-files';

export const getStaticPaths = (() => ICONS.map((icon) => ({ params: { icon: icon.name }, props: { icon } }))) satisfies GetStaticPaths;

export const GET: APIRoute<{ icon: Icon }> = ({ props }) => new Response(renderIcon(props.icon), { headers: { 'Content-Type': 'image/png' } });
