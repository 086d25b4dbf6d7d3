/** The look of what a search shows, added with the search's interface (src/core/client/add-styles.ts). */
import css from '../search-results.css?inline';
import href from '../search-results.css?url';
import { addStyles } from '../../core/client/add-styles';

addStyles(css, href);
