/**
 * Sharing a block or a quote. Each block's permalink opens the share panel
 * (copy link, the system share sheet, a QR code for phones and WeChat); selected
 * text offers a quote link whose text fragment opens on the selection.
 *
 * Loaded on first use by src/sharing/client/share-loader.ts, which turns the permalinks
 * into share buttons at once.
 *
 * One file of about 310 lines: the panel, its actions and the quote button share one state
 * (the block or selection being shared) and load as one lazy chunk; the image and the QR
 * code's encoder are loaded apart (./share-image.ts, uqr) when asked for.
 */
import './styles';
import t from 'virtual:client-strings/share';
import { fill } from '../../core/fill';
import { textDirective, wordSegmenter } from '../../core/text-fragment';
import { addSelectionAction, selectedRange } from '../../core/client/selection-actions';
import { isOpen, showPanel as showPopover } from '../../core/client/panels';
import { focusFirstControl, keepFocusIn } from '../../core/client/panel-focus';
import { setTypeset } from '../../core/client/typeset';
import { panel, panelStatus, qrButton, qrFigure, quoteButton, shareButton, title, urlField } from './panel';

const pageStatus = document.getElementById('share-status')!;
// Without a share sheet 「分享…」 could only copy the link, as 「复制链接」 beside it does.
shareButton.hidden = !navigator.share;

let trigger: HTMLElement | null = null;
/** What the panel shares: the link, the share sheet's title, and the words and place an image shows. */
let shared: { url: string; title: string; block: HTMLElement | null; words: string } = { url: '', title: '', block: null, words: '' };
let statusTimer: ReturnType<typeof setTimeout> | undefined;

/** Says a result aloud and on screen: in the panel while it is open (it sits above the page), else as a toast. */
function announce(message: string) {
  clearTimeout(statusTimer);
  const status = isOpen(panel) ? panelStatus : pageStatus;
  setTypeset(status, message);
  statusTimer = setTimeout(() => (status.textContent = ''), 2500);
}

/** The canonical address of a block: its section's page (or the essay's) and its anchor. */
function blockUrl(block: HTMLElement): string {
  const page = block.closest<HTMLElement>('[data-share-url]')?.dataset.shareUrl ?? location.href.split('#')[0]!;
  return block.matches('h1, h2') ? page : `${page}#${block.id}`;
}

async function copy(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    // No Clipboard API (an old WebView, an insecure origin): the selection-based command still works in many.
    const focused = document.activeElement as HTMLElement | null;
    const field = Object.assign(document.createElement('textarea'), { value: text, readOnly: true });
    field.className = 'visually-hidden';
    document.body.append(field);
    field.select();
    const copied = document.execCommand('copy');
    field.remove();
    // Selecting the field took the focus: give it back (to the panel's button), or keyboard users are lost.
    focused?.focus({ preventScroll: true });
    return copied;
  }
}

async function copyLink() {
  if (await copy(shared.url)) announce(t.copied);
  else {
    urlField.focus();
    urlField.select();
    announce(t.copyFailed);
  }
}

async function shareSheet() {
  try {
    await navigator.share({ title: shared.title, url: shared.url });
  } catch (error) {
    if ((error as DOMException).name !== 'AbortError') await copyLink();
  }
}

async function toggleQr() {
  const show = qrFigure.hidden;
  qrFigure.hidden = !show;
  qrButton.setAttribute('aria-expanded', String(show));
  setTypeset(qrButton, show ? t.hideQr : t.showQr);
  if (!show) return;
  const { encode } = await import('uqr');
  // A quiet zone of four modules, as the QR standard asks: in dark mode the panel around the code is dark.
  const { data } = encode(shared.url, { ecc: 'M', border: 4 });
  // A PNG <img>, not inline SVG: WeChat's long-press recognises QR codes in images only.
  const scale = 6;
  const canvas = Object.assign(document.createElement('canvas'), { width: data.length * scale, height: data.length * scale });
  const context = canvas.getContext('2d')!;
  context.fillStyle = '#fff';
  context.fillRect(0, 0, canvas.width, canvas.height);
  context.fillStyle = '#000';
  data.forEach((row, y) => row.forEach((dark, x) => dark && context.fillRect(x * scale, y * scale, scale, scale)));
  const image = qrFigure.querySelector('img') ?? Object.assign(new Image(200, 200), { alt: t.qrAlt });
  image.src = canvas.toDataURL('image/png');
  qrFigure.prepend(image);
}

/* The share image (书摘卡片): its button and figure are made here, not in the page's markup, so a
   reader who never shares downloads none of it; its drawing code loads when first asked for. */
const imageButton = Object.assign(document.createElement('button'), { type: 'button' });
setTypeset(imageButton, t.makeImage);
imageButton.dataset.shareAction = 'image';
imageButton.setAttribute('aria-expanded', 'false');
imageButton.setAttribute('aria-controls', 'share-image');
qrButton.after(imageButton);
const imageFigure = Object.assign(document.createElement('figure'), { id: 'share-image', className: 'share-qr share-image', hidden: true });
const image = new Image();
// Shown whole, within the panel and the screen; a long press in WeChat saves or forwards it.
Object.assign(image.style, { display: 'block', inlineSize: 'auto', blockSize: 'auto', maxInlineSize: '100%', maxBlockSize: '55vh', margin: '0 auto', border: '1px solid var(--rule)', imageRendering: 'auto' });
const imageCaption = document.createElement('figcaption');
setTypeset(imageCaption, t.imageHint);
const imageActions = Object.assign(document.createElement('div'), { className: 'share-actions' });
imageActions.style.justifyContent = 'center';
const saveButton = Object.assign(document.createElement('button'), { type: 'button' });
setTypeset(saveButton, t.saveImage);
saveButton.dataset.shareAction = 'save-image';
const shareImageButton = Object.assign(document.createElement('button'), { type: 'button', hidden: true });
setTypeset(shareImageButton, t.shareImage);
shareImageButton.dataset.shareAction = 'share-image';
imageActions.append(saveButton, shareImageButton);
imageFigure.append(image, imageCaption, imageActions);
qrFigure.after(imageFigure);
// A tall image in a panel anchored at the screen's bottom: the panel scrolls rather than rising off the top.
panel.style.maxBlockSize = '100dvh';
let imageFile: File | null = null;

/** The words an image of the shared block shows: a paragraph's text; for a section, its first paragraph. */
function blockWords(block: HTMLElement): string {
  const paragraph = block.matches('h1, h2') ? block.closest('.essay-section')?.querySelector<HTMLElement>('.prose p[id]') : block;
  return (paragraph?.textContent ?? '').trim();
}

/** The section a block belongs to, as its heading shows it (the author's note by its own name). */
function sectionName(block: HTMLElement): string | undefined {
  const heading = block.closest('.essay-section')?.querySelector('.section-heading');
  if (heading) return heading.textContent?.trim();
  return block.closest('.author-note')?.getAttribute('aria-label') ?? undefined;
}

function resetImage() {
  imageFigure.hidden = true;
  imageButton.setAttribute('aria-expanded', 'false');
  setTypeset(imageButton, t.makeImage);
  image.removeAttribute('src');
  imageFile = null;
}

function pngFile(canvas: HTMLCanvasElement, name: string): Promise<File | null> {
  return new Promise((resolve) => canvas.toBlob((blob) => resolve(blob && new File([blob], name, { type: 'image/png' })), 'image/png'));
}

async function toggleImage() {
  if (!imageFigure.hidden) return resetImage();
  const { block } = shared;
  if (!block) return;
  try {
    const { drawShareImage } = await import('./share-image');
    const essayTitle = panel.dataset.essayTitle ?? '';
    const drawn = drawShareImage({
      words: shared.words,
      url: shared.url,
      title: essayTitle,
      titleBreaks: (panel.dataset.essayTitleBreaks ?? '').split(' ').filter(Boolean).map(Number),
      section: sectionName(block),
      author: panel.dataset.author ?? '',
      scanHint: t.imageScanHint,
      site: new URL(shared.url).host,
      traditional: document.documentElement.dataset.edition === 'hant',
    });
    // A data: URL, which the site's policy allows for images (src/site/build/csp.ts); an <img>, as WeChat saves only those.
    image.src = drawn.canvas.toDataURL('image/png');
    await image.decode();
    image.alt = fill(t.imageAlt, { words: drawn.text, author: panel.dataset.author ?? '', title: essayTitle });
    // The lines exactly as drawn: the words' layout, for the tests and for anyone inspecting the image.
    image.dataset.lines = JSON.stringify(drawn.lines);
    image.dataset.font = drawn.font;
    image.width = drawn.canvas.width;
    image.height = drawn.canvas.height;
    imageFile = await pngFile(drawn.canvas, `${block.id || 'quote'}.png`);
    shareImageButton.hidden = !(imageFile && navigator.canShare?.({ files: [imageFile] }));
    imageFigure.hidden = false;
    imageButton.setAttribute('aria-expanded', 'true');
    setTypeset(imageButton, t.hideImage);
  } catch {
    resetImage();
    announce(t.imageFailed);
  }
}

function saveImage() {
  const link = Object.assign(document.createElement('a'), { href: image.src, download: imageFile?.name ?? 'quote.png' });
  document.body.append(link);
  link.click();
  link.remove();
}

async function shareImage() {
  if (!imageFile) return;
  try {
    await navigator.share({ files: [imageFile], title: shared.title });
  } catch (error) {
    if ((error as DOMException).name !== 'AbortError') announce(t.imageFailed);
  }
}

function showPanel(heading: string) {
  setTypeset(title, heading);
  urlField.value = shared.url;
  qrFigure.hidden = true;
  qrButton.setAttribute('aria-expanded', 'false');
  setTypeset(qrButton, t.showQr);
  resetImage();
  showPopover(panel);
  // At once, not at the toggle event the browser sends after: a key pressed right away stays in the panel.
  focusFirstControl(panel);
}

export function openPanel(permalink: HTMLAnchorElement) {
  const block = permalink.parentElement!;
  const isHeading = block.matches('h1, h2');
  shared = {
    url: blockUrl(block),
    title: isHeading ? (block.textContent ?? '') : document.title,
    block,
    words: blockWords(block),
  };
  trigger = permalink;
  // Which block the panel is for, for what else the panel offers (listening's 「从这里听」).
  panel.dataset.block = block.id;
  showPanel(isHeading ? t.shareSection : t.shareParagraph);
}

// The panel keeps the focus while open, from its first control (关闭, then the link), and gives it
// back to the permalink or button that opened it.
keepFocusIn(panel, () => trigger);

panel.addEventListener('click', (event) => {
  const action = (event.target as HTMLElement).closest<HTMLButtonElement>('[data-share-action]')?.dataset.shareAction;
  // Another action: the last one's message (「已复制」) no longer speaks of what the panel shows.
  if (action) {
    clearTimeout(statusTimer);
    panelStatus.textContent = '';
  }
  if (action === 'copy') void copyLink();
  else if (action === 'share') void shareSheet();
  else if (action === 'qr') void toggleQr();
  else if (action === 'image') void toggleImage();
  else if (action === 'save-image') saveImage();
  else if (action === 'share-image') void shareImage();
});

/* Quotes: selecting text inside one block offers a link that opens on it. */
const segmenter = wordSegmenter(document.documentElement.lang || 'zh');

/** The selection within one block: its words, and the link that opens on them (made when asked for: it reads the page's text). */
function selectedQuote(): { text: string; readonly url: string; block: HTMLElement; rect: DOMRect } | null {
  const range = selectedRange();
  if (!range) return null;
  // A selection across inline elements (the spans around Latin words) has the block itself as its common ancestor.
  const common = range.commonAncestorContainer;
  const block = (common instanceof Element ? common : common.parentElement)?.closest<HTMLElement>('.prose p[id], .section-heading');
  if (!block || !block.contains(range.endContainer)) return null;
  const before = document.createRange();
  before.setStart(block, 0);
  before.setEnd(range.startContainer, range.startOffset);
  const blockText = block.textContent ?? '';
  const start = before.toString().length;
  const text = range.toString();
  const end = start + text.length;
  if (!text.trim()) return null;
  const page = block.closest<HTMLElement>('[data-share-url]')?.dataset.shareUrl ?? location.href.split('#')[0]!;
  const rects = range.getClientRects();
  return {
    text: text.trim(),
    // Unique in all the text the browser searches for it (innerText: hidden text left out, blocks apart).
    get url() {
      return `${page}#${block.id}${textDirective(blockText, start, end, segmenter, document.body.innerText)}`;
    },
    block,
    rect: rects[rects.length - 1] ?? range.getBoundingClientRect(),
  };
}

// The selection's buttons are a group any feature adds to (core/client/selection-actions.ts): the
// quote link and the quote image are offered for a selection within one block.
const withinOneBlock = (_range: Range, blocks: HTMLElement[]) => blocks.length === 1 && selectedQuote() !== null;
addSelectionAction({ button: quoteButton, accepts: withinOneBlock, order: 0 });
// Beside the quote link: the same quote as an image, in the share panel.
const quoteImageButton = Object.assign(document.createElement('button'), { type: 'button', className: 'quote-button', hidden: true });
setTypeset(quoteImageButton, t.quoteImage);
quoteImageButton.dataset.quoteAction = 'image';
addSelectionAction({ button: quoteImageButton, accepts: withinOneBlock, order: 1 });
quoteImageButton.addEventListener('click', () => {
  const quote = selectedQuote();
  if (!quote) return;
  shared = { url: quote.url, title: document.title, block: quote.block, words: quote.text };
  trigger = quoteImageButton;
  showPanel(t.shareQuote);
  void toggleImage();
});

quoteButton.addEventListener('click', async () => {
  const quote = selectedQuote();
  if (!quote) return;
  const attribution = fill(t.quoteAttribution, { author: panel.dataset.author ?? '', title: panel.dataset.essayTitle ?? '' });
  // In the author's quotation marks, “”, as the page and the quote image show quotations.
  const copied = await copy(`\u201C${quote.text}\u201D\n${attribution}\n${quote.url}`);
  announce(copied ? t.quoteCopied : t.quoteCopyFailed);
});
