/**
 * The one script every page loads up front: the first step of each enhancement.
 * Each step finds its own elements and does nothing on a page without them; the
 * code behind it (search, sharing, the settings panel, landing on a block) loads
 * on first use.
 *
 * One file rather than a script per component: these steps are small, and as one
 * module they compress to about half their size as seven (2.2 KB gzip against
 * 3.7 KB when measured), in one request.
 */
import './search/loader';
import './edition-switch';
import './reader-settings';
import './share-loader';
import './toc';
import { HIGHLIGHT_PARAM } from '../lib/search/landing-link';

// Only an arrival on a block of the essay (from a search result, a quote link or a permalink)
// needs the landing code; a quote link's text directive is hidden from scripts, but its #block is not.
const arriving = location.hash || new URLSearchParams(location.search).has(HIGHLIGHT_PARAM);
if (arriving && document.querySelector('.essay')) void import('./landing');
