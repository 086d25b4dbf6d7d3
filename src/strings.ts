/**
 * Every piece of interface text, in one place, so that a later edition
 * (Traditional Chinese, another essay) changes words here and nowhere else.
 */
export const strings = {
  skipToContent: '跳到正文',
  byline: (author: string) => `作者:${author}`,
  tableOfContents: '目录',
  fullEssay: '全文',
  readFullEssay: '阅读全文',
  sameplaceInFullEssay: '在全文中阅读本节',
  previousSection: '上一节',
  nextSection: '下一节',
  sectionOf: (position: number, total: number) => `第 ${position} 节,共 ${total} 节`,
  authorNote: '作者附注',
  permalink: '本段链接',
  headingPermalink: '本节链接',
  backToTop: '回到顶部',
  notFoundTitle: '找不到这个页面',
  notFoundLead: '这个地址没有内容,可能是链接输错了,或者页面已经移动。你可以从这里继续阅读:',
  footerSource: '文章版权归作者所有。本站只调整排版,不改动原文一字。',
} as const;
