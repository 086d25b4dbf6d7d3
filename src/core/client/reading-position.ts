/** Where the reader is: the paragraph or heading at the start of the screen, in either layout. */
export function blockInView(): HTMLElement | undefined {
  const header = document.querySelector('.site-header')?.getBoundingClientRect().bottom ?? 0;
  const blocks = document.querySelectorAll<HTMLElement>('main :is(p, h1, h2, h3)[id]');
  // In document order; in vertical layout the text runs right to left, so the first block that
  // reaches the screen is still the one being read.
  return Array.from(blocks).find((block) => {
    const rect = block.getBoundingClientRect();
    return rect.bottom > header + 8 && rect.top < innerHeight && rect.right > 0 && rect.left < innerWidth;
  });
}

/** Whether the reader has moved from the start of the page (down, or along a vertical essay). */
export function hasScrolled(): boolean {
  const essay = document.querySelector('.essay');
  return window.scrollY > 0 || (essay !== null && essay.scrollLeft !== 0);
}
