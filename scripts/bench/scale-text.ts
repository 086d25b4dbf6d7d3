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

interface Piece {
  title: string;
  paragraphs: string[];
  author?: string;
  chapter?: string;
  section?: string;
}

interface Classics {
  shijing: Piece[];
  chuci: Piece[];
  lunyu: Piece[];
  mengzi: Piece[];
  daxue: Piece;
  zhongyong: Piece;
  yuanqu: Piece[];
}

const CLASSICS = new URL('./texts/book.json', import.meta.url);

/** Poems run in a section: a line with each poem's title, then its stanzas, of up to `lines` of the source's lines each. */
const poems = (pieces: Piece[], lines = 1) =>
  pieces.flatMap((piece) => {
    const size = Math.max(1, Math.min(lines, piece.paragraphs.length));
    const stanzas = Array.from({ length: Math.ceil(piece.paragraphs.length / size) }, (_, i) => piece.paragraphs.slice(i * size, (i + 1) * size).join(''));
    return [piece.title, ...stanzas];
  });

/** Consecutive pieces sharing a key, as one section each. */
function groupedBy(pieces: Piece[], key: (piece: Piece) => string, lines = 1): Array<{ title: string; paragraphs: string[] }> {
  const groups: Array<{ title: string; pieces: Piece[] }> = [];
  for (const piece of pieces) {
    const title = key(piece);
    if (groups.at(-1)?.title === title) groups.at(-1)!.pieces.push(piece);
    else groups.push({ title, pieces: [piece] });
  }
  return groups.map(({ title, pieces: group }) => ({ title, paragraphs: poems(group, lines) }));
}

/** Consecutive pieces, `size` to a section, each section under its first piece's author. */
function inRuns(pieces: Piece[], size: number, title: (first: Piece) => string) {
  return Array.from({ length: Math.ceil(pieces.length / size) }, (_, i) => {
    const run = pieces.slice(i * size, (i + 1) * size);
    return { title: title(run[0]!), paragraphs: poems(run, Infinity) };
  });
}

/**
 * A book `multiple` times this essay's length (`essayChars`, textLength of its content/): 古文观止 first
 * (as scaleContent), then the classics of scripts/bench/texts/book.json (from the same npm package
 * chinese-poetry, MIT licence: 诗经 by its parts, a stanza a paragraph; 楚辞 by its pieces, four lines a paragraph; 论语 and 孟子 by chapter, 大学,
 * 中庸; then 元曲, thirty pieces to a section, each one paragraph), whole sections until the length is reached. The
 * longer book holds the shorter one, so that two sizes differ only by what was added.
 */
export function bookContent(multiple: number, essayChars: number): Record<string, string> {
  const toSimplified = OpenCC.Converter({ from: 't', to: 'cn' });
  const classics = JSON.parse(readFileSync(CLASSICS, 'utf8')) as Classics;
  const files = scaleContent();
  const sections: Array<{ title: string; paragraphs: string[] }> = [
    ...groupedBy(classics.shijing, (piece) => `诗经·${piece.chapter}${piece.section && piece.section !== piece.chapter ? `·${piece.section}` : ''}`),
    ...groupedBy(classics.chuci, (piece) => `楚辞·${piece.section}`, 4),
    ...classics.lunyu.map((piece) => ({ title: `论语·${piece.title}`, paragraphs: piece.paragraphs })),
    ...classics.mengzi.map((piece) => ({ title: `孟子·${toSimplified(piece.title)}`, paragraphs: piece.paragraphs.map(toSimplified) })),
    ...[classics.daxue, classics.zhongyong].map((piece) => ({ title: toSimplified(piece.title), paragraphs: piece.paragraphs.map(toSimplified) })),
    ...inRuns(classics.yuanqu, 30, (first) => `元曲·${first.author ?? ''}`),
  ];
  const target = multiple * essayChars;
  let order = Object.keys(files).filter((path) => path.startsWith('sections/')).length;
  for (const section of sections) {
    if (textLength(files) >= target) break;
    order++;
    const body = section.paragraphs.map((paragraph) => paragraph.trim()).filter(Boolean).join('\n\n');
    files[`sections/${order}-p${order}.md`] = `---\ntitle: ${JSON.stringify(section.title)}\nslug: p${order}\norder: ${order}\n---\n\n${body}\n`;
  }
  if (textLength(files) < target) throw new Error(`bookContent: the texts hold ${textLength(files)} characters, fewer than ${multiple}× (${target})`);
  return files;
}
