/**
 * A long essay for the bench's scale run: 古文观止 (the 1694 anthology of 222 classical
 * prose pieces, about 140,000 characters, 48 times this essay), bundled in
 * scripts/bench/texts/ from the npm package chinese-poetry (MIT licence, in
 * guwenguanzhi.LICENSE beside it; the texts themselves are in the public domain). Its
 * Traditional text is converted to Simplified with OpenCC (`t` → `cn`), as a user
 * publishing it on this site would, and written as content/ files: each piece a
 * section under its own title, the anthology's description as the lede.
 */
import { readFileSync } from 'node:fs';
import * as OpenCC from 'opencc-js';

interface Anthology {
  title: string;
  pieces: Array<{ title: string; source: string; author: string; paragraphs: string[] }>;
}

const TEXT = new URL('./texts/guwenguanzhi.json', import.meta.url);

export function anthology(): Anthology {
  return JSON.parse(readFileSync(TEXT, 'utf8')) as Anthology;
}

/** Characters of the Markdown bodies, as the issue counts a text's length. */
export function textLength(files: Record<string, string>): number {
  return Object.values(files).reduce((sum, text) => sum + Array.from(text.replace(/^---[\s\S]*?---/, '')).length, 0);
}

/**
 * content/ files of the first `pieces` pieces (all 222 by default), in Simplified
 * characters. Paragraphs are what the anthology gives; YAML titles are quoted.
 */
export function scaleContent(pieces = Infinity): Record<string, string> {
  const toSimplified = OpenCC.Converter({ from: 't', to: 'cn' });
  const { pieces: all } = anthology();
  const chosen = all.slice(0, pieces);
  const files: Record<string, string> = {
    'essay.yaml': 'author: 吴楚材 吴调侯\ntitleFrom: lede-1\n',
    'lede.md': `${toSimplified('古文觀止')}\n\n${toSimplified('清人吳楚材、吳調侯選定的古代散文選本，收自東周至明代的文章。')}\n`,
    'note.md': `${toSimplified('本文取自古文觀止，公有領域。')}\n`,
  };
  chosen.forEach((piece, i) => {
    const order = i + 1;
    const body = piece.paragraphs.map((paragraph) => toSimplified(paragraph.trim())).filter(Boolean).join('\n\n');
    files[`sections/${order}-p${order}.md`] =
      `---\ntitle: ${JSON.stringify(toSimplified(piece.title.trim()))}\nslug: p${order}\norder: ${order}\n---\n\n${body}\n`;
  });
  return files;
}
