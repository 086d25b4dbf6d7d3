/**
 * A feature's stylesheet, added with its code when the reader first uses it, so the one
 * stylesheet of every page carries only what the first view shows.
 *
 * A constructed stylesheet where the engine has them: the content security policy
 * (style-src 'self') governs <style> elements and style attributes, not the CSSOM, and the
 * rules apply at once, with the code that needs them. Elsewhere (Safari before 16.4) the same
 * file as a <link>, which the policy allows.
 */
export function addStyles(css: string, href: string): void {
  if ('adoptedStyleSheets' in Document.prototype && 'replaceSync' in CSSStyleSheet.prototype) {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(css);
    document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
  } else {
    document.head.append(Object.assign(document.createElement('link'), { rel: 'stylesheet', href }));
  }
}
