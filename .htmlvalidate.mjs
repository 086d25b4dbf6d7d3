/**
 * html-validate's configuration for the built pages (tests/e2e/html-validity.spec.ts validates
 * every HTML file of both test builds). The recommended preset, with two exceptions, each for a
 * choice the site makes on purpose.
 */
export default {
  root: true,
  extends: ['html-validate:recommended'],
  rules: {
    // A section's heading is named by its title alone (aria-labelledby its title's <span>), so a
    // screen reader does not read the permalink's 「本节链接」 with it; ARIA allows naming headings.
    'aria-label-misuse': ['error', { elements: { exclude: ['h1', 'h2'] } }],
    // The header's search form has one field and no button: results appear as the reader types,
    // and Enter submits the form to /search/ (HTML's implicit submission). /search/ has a button.
    'wcag/h32': 'off',
  },
};
