/** The look of what the reader's own copy shows, added with its code (src/core/client/add-styles.ts). */
import css from '../readers-copy-ui.css?inline';
import href from '../readers-copy-ui.css?url';
import { addStyles } from '../../core/client/add-styles';

addStyles(css, href);
