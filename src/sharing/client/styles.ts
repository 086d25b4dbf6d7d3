/** The look of the share panel, its QR code, the quote button and messages, added with the sharing code (src/core/client/add-styles.ts). */
import css from '../share-panel.css?inline';
import href from '../share-panel.css?url';
import { addStyles } from '../../core/client/add-styles';

addStyles(css, href);
