/**
 * Every piece of interface text, in one place, so that a later edition
 * (Traditional Chinese, another essay) changes words here and nowhere else.
 *
 * The strings are typed with ASCII punctuation and pass through the essay's own
 * typography rules (`zh`), so they are shown exactly as the essay's text is. The
 * Traditional edition converts them with the rest of its pages (src/middleware.ts).
 *
 * Text that scripts show is in `clientStrings`: it is compiled into the scripts that
 * show it (src/site/build/client-strings.ts), and its `{name}` slots are filled in
 * the browser (`fill`, src/core/fill.ts).
 */
import { applyTypography as zh } from './typography';

export const strings = {
  skipToContent: zh('跳到正文'),
  byline: (author: string) => zh(`作者:${author}`),
  readingTime: (minutes: number) => zh(`约${minutes}分钟读完`),
  // Not 「本节约…」, which reads first as 本 + 节约 (saves).
  sectionReadingTime: (minutes: number) => zh(`本节阅读约${minutes}分钟`),
  backToTop: zh('回到顶部'),
  tableOfContents: zh('目录'),
  readFullEssay: (title: string) => zh(`阅读全文:${title}`),
  samePlaceInFullEssay: zh('在全文中阅读本节'),
  previousSection: zh('上一节'),
  nextSection: zh('下一节'),
  sectionOf: (position: number, total: number) => zh(`第${position}节,共${total}节`),
  authorNote: zh('作者附注'),
  cardAlt: (heading: string, author: string, essayTitle?: string) =>
    zh(essayTitle ? `${heading}(${author}《${essayTitle}》)` : `《${heading}》,${author}`),
  searchDescription: zh('在全文中查找记得的词句,简体繁体都可以。'),
  notFoundDescription: zh('找不到这个页面。可以从全文或各节继续阅读。'),
  notFoundTitle: zh('找不到这个页面'),
  notFoundLead: zh('这个地址没有内容,可能是链接输错了,或者页面已经移动。你可以从这里继续阅读:'),
  footerSource: zh('文章版权归作者所有。本站只调整排版,不改动原文一字。'),
  share: {
    paragraphLink: zh('本段链接'),
    headingLink: zh('本节链接'),
    shareParagraph: zh('分享本段'),
    shareSection: zh('分享本节'),
    copyLink: zh('复制链接'),
    share: zh('分享…'),
    showQr: zh('二维码'),
    hideQr: zh('收起二维码'),
    qrAlt: zh('本链接的二维码'),
    // The reader may hold the phone already: the code is for another device, or WeChat's long press.
    qrHint: zh('用另一台设备扫码,或在微信里长按图片识别,打开分享的这一处。'),
    close: zh('关闭'),
    linkLabel: zh('链接'),
    copied: zh('已复制'),
    copyFailed: zh('无法自动复制:链接已选中,请长按或按 Ctrl+C 复制。'),
    quoteLink: zh('复制引用链接'),
    quoteCopied: zh('已复制引用和链接'),
    quoteCopyFailed: zh('无法自动复制引用:请长按选中的文字,手动复制。'),
    quoteAttribution: zh('—— {author}《{title}》'),
    // The share image (书摘卡片, src/sharing/client/share-image.ts).
    makeImage: zh('生成图片'),
    hideImage: zh('收起图片'),
    quoteImage: zh('生成书摘图片'),
    shareQuote: zh('分享引用'),
    imageAlt: zh('书摘图片:“{words}”——{author}《{title}》,附打开原文的二维码'),
    imageHint: zh('长按图片保存或转发。'),
    saveImage: zh('保存图片'),
    shareImage: zh('分享图片'),
    // The code opens the shared paragraph, section or quote in the essay, not the essay's start.
    imageScanHint: zh('长按识别二维码,在原文中打开此处'),
    imageFailed: zh('无法生成图片。仍可复制链接分享。'),
  },
  settings: {
    title: zh('阅读设置'),
    close: zh('关闭'),
    theme: { legend: zh('主题'), options: { system: zh('跟随系统'), light: zh('浅色'), dark: zh('深色') } },
    textSize: { legend: zh('字号'), options: { small: zh('小'), medium: zh('标准'), large: zh('大'), 'x-large': zh('特大') } },
    writing: { legend: zh('排版'), options: { horizontal: zh('横排'), vertical: zh('竖排') } },
  },
  search: {
    label: zh('搜索全文'),
    placeholder: zh('搜索文中词句'),
    shortcutHint: zh('按 / 搜索'),
    submit: zh('搜索'),
    pageTitle: zh('搜索'),
    hint: zh('输入记得的词句,例如:软阶层、站在ChatGPT等巨人肩头、伟大不能被计划。简体、繁体都可以。'),
    searching: zh('正在搜索…'),
    // Counted as the browser's Ctrl+F would find them on the full essay, by paragraph (a heading counts as one).
    found: zh('在{count}段中找到'),
    // Beside them, the paragraphs holding the same letters only with other punctuation between (`君,子` for 君子).
    foundWithOther: zh('在{count}段中找到,另有{other}段标点不同'),
    foundOnlyOther: zh('没有完全一致的文字,有{other}段标点不同'),
    // A short query typed with punctuation, in more paragraphs than are checked to count them apart.
    foundLetters: zh('在{count}段中找到这些字(未比较标点)'),
    foundPartial: zh('没有找到完全一致的文字。以下段落包含其中一部分:'),
    more: zh('更多结果(还有{count}段)'),
    morePartial: zh('更多结果'),
    partialLabel: zh('部分匹配'),
    // The reader's own words fill {query} after typesetting, so they are shown as typed.
    noResults: zh('没有找到“{query}”。'),
    suggestion: zh('试试更短的词,或者这些词:'),
    suggestions: ['软阶层', 'DeepSeek', '伟大不能被计划', '性价比', '中美科技竞争'],
    noWords: zh('搜索词里没有可以查找的文字(汉字、字母或数字)。'),
    truncated: zh('搜索词太长,只用了前{max}个字。'),
    failed: zh('搜索暂时无法使用。可以打开全文,用浏览器的“查找”(Ctrl+F 或 ⌘F)找这段文字。'),
    openFullEssay: zh('打开全文'),
    needsJavaScript: zh('搜索需要 JavaScript。可以打开全文,用浏览器的“查找”(Ctrl+F 或 ⌘F)找这段文字。'),
    // True both when the search's scripts failed and while a slow connection still brings them.
    scriptsNotLoaded: zh('搜索所需的脚本还没有载入。可以打开全文,用浏览器的“查找”(Ctrl+F 或 ⌘F)找这段文字。'),
    resultsLabel: zh('搜索结果'),
  },
  // The reader's own copy (src/readers-copy/): 继续阅读, 划线 and 想法, kept in the reader's browser.
  readersCopy: {
    continueReading: zh('继续阅读'),
    continueReadingAt: zh('继续阅读:{section}'),
    opening: zh('开篇'),
    dismiss: zh('关闭'),
    read: zh('已读'),
    highlight: zh('划线'),
    myHighlights: zh('我的划线'),
    myHighlightsCount: zh('我的划线({count})'),
    menuTitle: zh('划线'),
    writeNote: zh('写想法'),
    editNote: zh('改想法'),
    noteLabel: zh('想法'),
    saveNote: zh('保存想法'),
    cancel: zh('取消'),
    copyQuote: zh('复制引用'),
    quoteImage: zh('生成书摘图片'),
    remove: zh('删除划线'),
    undo: zh('撤销'),
    close: zh('关闭'),
    saved: zh('已划线'),
    removed: zh('已删除划线。'),
    removedAll: zh('已删除全部{count}条划线。'),
    restored: zh('已恢复。'),
    noteSaved: zh('已保存想法。'),
    copied: zh('已复制。'),
    copyFailed: zh('无法自动复制。'),
    open: zh('打开原文'),
    notFound: zh('页面上找不到这段文字'),
    unreadable: zh('有{count}条记录无法读取:它们仍然保存着,导出文件时一并导出。'),
    empty: zh('还没有划线。选中文中的文字,点“划线”。'),
    listHint: zh('只保存在这个浏览器里。'),
    exportMarkdown: zh('导出 Markdown'),
    exportFile: zh('导出文件'),
    importFile: zh('导入文件'),
    copyAll: zh('复制全部'),
    removeAll: zh('全部删除'),
    confirmRemoveAll: zh('确定删除全部{count}条?'),
    imported: zh('已导入{count}条划线。'),
    importedNone: zh('文件里的划线这里都已经有了。'),
    importNotExport: zh('无法导入:这不是本站导出的划线文件。没有做任何更改。'),
    importOtherEssay: zh('无法导入:这是另一篇文章的划线。没有做任何更改。'),
    importNewer: zh('无法导入:文件来自更新版本的网站。没有做任何更改。'),
    storageUnavailable: zh('这个浏览器现在无法保存划线和阅读位置(存储已满、被禁用或在无痕模式中)。可以照常阅读,已保存的不会丢失。'),
    markdownTitle: zh('我的划线:{title}'),
    markdownNote: zh('想法:'),
    markdownSection: zh('出处:'),
  },
  // Listening (src/listening/): the browser's own voices read the essay aloud, the page following.
  listening: {
    listen: zh('听全文'),
    listenHere: zh('从这里听'),
    player: zh('朗读'),
    pause: zh('暂停'),
    resume: zh('继续'),
    previous: zh('上一句'),
    next: zh('下一句'),
    nextParagraph: zh('下一段'),
    stop: zh('停止'),
    speed: zh('语速'),
    voice: zh('声音'),
    backToPlace: zh('回到朗读处'),
    playing: zh('正在朗读'),
    paused: zh('已暂停'),
    stopped: zh('朗读已停止'),
    finished: zh('全文读完了'),
    offPage: zh('本页之外:{section}'),
    // Android's WebView (so Android WeChat) has no speechSynthesis at all.
    unavailable: zh('这个浏览器不能朗读:它没有语音合成功能。可以换用系统浏览器打开。'),
    noVoice: zh('这台设备没有中文语音,无法朗读。可以在系统设置里添加中文语音。'),
    error: zh('朗读中断了。点“继续”从这一句重新开始。'),
    nextFailed: zh('下一节无法载入,朗读到本节结束。'),
  },
  // Offline and installed (src/offline/): the page shown for a page not kept, and the new version's prompt.
  offline: {
    title: zh('这一页没有保存在本机'),
    description: zh('没有网络时,打开已经保存的全文和各节。'),
    lead: zh('现在没有网络,这一页也还没有保存在这个浏览器里。下面这些已经保存,没有网络也能打开:'),
    otherEdition: zh('另一个版本的页面,在有网络时打开一次,也会保存下来。'),
    updateAvailable: zh('有新版本'),
    reload: zh('重新载入'),
    dismiss: zh('稍后'),
  },
} as const;

/**
 * Only what the scripts show, in groups by the script that loads them: the search
 * interface, the message of the first step when that interface cannot load, and sharing.
 */
const pick = <T extends object, K extends keyof T>(from: T, keys: K[]) =>
  Object.fromEntries(keys.map((key) => [key, from[key]])) as Pick<T, K>;

export const clientStrings = {
  search: pick(strings.search, [
    'searching', 'found', 'foundWithOther', 'foundOnlyOther', 'foundLetters', 'foundPartial', 'more', 'morePartial', 'partialLabel', 'noResults', 'suggestion', 'suggestions',
    'noWords', 'truncated', 'hint',
  ]),
  readersCopy: strings.readersCopy,
  settings: strings.settings,
  listening: strings.listening,
  offline: pick(strings.offline, ['updateAvailable', 'reload', 'dismiss']),
  // With the share panel's 「从这里听」, which the sharing code makes with the panel.
  share: {
    ...pick(strings.share, [
      'shareParagraph', 'shareSection', 'showQr', 'hideQr', 'copied', 'copyFailed',
      'quoteCopied', 'quoteCopyFailed', 'quoteAttribution', 'makeImage', 'hideImage', 'quoteImage', 'shareQuote',
      'imageAlt', 'imageHint', 'saveImage', 'shareImage', 'imageScanHint', 'imageFailed', 'linkLabel',
      'close', 'copyLink', 'share', 'qrAlt', 'qrHint', 'quoteLink',
    ]),
    ...pick(strings.listening, ['listenHere']),
  },
};
export type ClientStrings = typeof clientStrings;
