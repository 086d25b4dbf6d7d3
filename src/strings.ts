/**
 * Every piece of interface text, in one place, so that a later edition
 * (Traditional Chinese, another essay) changes words here and nowhere else.
 *
 * The strings are typed with ASCII punctuation and pass through the essay's own
 * typography rules (`zh`), so they are shown exactly as the essay's text is.
 */
import { applyTypography as zh } from './lib/typography';

export const strings = {
  skipToContent: zh('跳到正文'),
  byline: (author: string) => zh(`作者:${author}`),
  tableOfContents: zh('目录'),
  readFullEssay: (title: string) => zh(`阅读全文:${title}`),
  samePlaceInFullEssay: zh('在全文中阅读本节'),
  previousSection: zh('上一节'),
  nextSection: zh('下一节'),
  sectionOf: (position: number, total: number) => zh(`第${position}节,共${total}节`),
  authorNote: zh('作者附注'),
  notFoundTitle: zh('找不到这个页面'),
  notFoundLead: zh('这个地址没有内容,可能是链接输错了,或者页面已经移动。你可以从这里继续阅读:'),
  footerSource: zh('文章版权归作者所有。本站只调整排版,不改动原文一字。'),
} as const;
