/**
 * The player's look and the spoken sentence's highlight (../listening-ui.css), added with its code
 * as a constructed stylesheet, as the reader's own copy does (src/readers-copy/client/styles.ts):
 * the content security policy (style-src 'self') governs <style> and style attributes, not the
 * CSSOM, and the one stylesheet of every page stays as it was.
 */
import css from '../listening-ui.css?inline';

if ('adoptedStyleSheets' in document) {
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(css);
  document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
}
