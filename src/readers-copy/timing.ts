/** The User Timing measure of showing the kept 划线 on a page (client/state.ts), read by the bench (scripts/bench/readers-copy.ts). */
export const RENDER_MEASURE = 'readers-copy: show 划线';
