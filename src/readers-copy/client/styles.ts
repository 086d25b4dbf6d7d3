/**
 * The look of what the reader's own copy shows (../readers-copy-ui.css), added with its code as a
 * constructed stylesheet: the content security policy (style-src 'self') governs <style> and
 * style attributes, not the CSSOM, and the one stylesheet of every page stays as it was.
 */
import css from '../readers-copy-ui.css?inline';

if ('adoptedStyleSheets' in document) {
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(css);
  document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
}
