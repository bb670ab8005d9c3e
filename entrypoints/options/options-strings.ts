import type { CardTrigger, HighlightStyle, ModifierKey, SiteMode } from '../../core/settings';
import type { UiLang } from '../../core/ui-language';

const en = {
  appName: 'Zhipu Facts',
  pageTitle: 'Zhipu Facts settings',
  intro:
    'Choose what is highlighted and how. Changes are saved at once and reach every open tab; they follow you to your other devices through the browser’s sync.',
  loading: 'Loading settings…',
  saveFailed: (reason: string) => `The change could not be saved: ${reason}`,
  repair: {
    heading: 'Some stored settings could not be read',
    body: 'They were set back to their defaults; everything else was kept:',
    everything: 'all settings',
    dismiss: 'OK, save the repaired settings',
  },
  master: {
    heading: 'Highlighting',
    label: 'Highlight mentions on web pages',
    hint: 'Off stops all highlights and cards everywhere; your choices below are kept.',
  },
  entities: {
    heading: 'Entities',
    hint: 'Only switched-on entities are highlighted.',
    search: 'Search entities',
    searchPlaceholder: 'Name in English or Chinese',
    total: (on: number, all: number) => `${on} of ${all} on`,
    matches: (count: number) =>
      count === 0
        ? 'No entity matches.'
        : count === 1
          ? '1 entity matches.'
          : `${count} entities match.`,
    groupToggle: (group: string) => `All of ${group}`,
  },
  appearance: {
    heading: 'Highlight appearance',
    hint: 'One look per group. The sample shows how a page will mark it.',
    colour: (group: string) => `Colour for ${group}`,
    style: (group: string) => `Style for ${group}`,
    styles: {
      underline: 'Underline',
      background: 'Background',
      both: 'Underline and background',
      none: 'Not marked',
    } satisfies Record<HighlightStyle, string>,
    /** Sample sentences; a number stands for the entity name at that index. */
    sampleTwo: ['Analysts compared ', 0, ' with ', 1, ' last week.'] as (string | number)[],
    sampleOne: ['The article mentions ', 0, ' twice.'] as (string | number)[],
    preview: (group: string) => `Sample for ${group}`,
    noneNote: 'Not marked, but the card still opens.',
  },
  card: {
    heading: 'Card',
    delay: 'Hover delay',
    delayValue: (ms: number) => `${ms} ms`,
    delayHint: 'How long the pointer rests on a mention before its card opens.',
    trigger: 'Open the card',
    triggers: {
      hover: 'When I hover a mention',
      modifier: 'When I hover a mention while holding a key',
      click: 'When I click a mention',
    } satisfies Record<CardTrigger, string>,
    modifier: 'Key to hold',
    modifiers: {
      Alt: 'Alt (Option on a Mac)',
      Shift: 'Shift',
      Control: 'Ctrl',
      Meta: '⌘ Command / Windows key',
    } satisfies Record<ModifierKey, string>,
    focus: 'Also open it when a mention gets keyboard focus',
  },
  sites: {
    heading: 'Sites',
    mode: 'Where to highlight',
    modes: {
      'all-except': 'On every site except these',
      only: 'Only on these sites',
    } satisfies Record<SiteMode, string>,
    listLabel: {
      'all-except': 'Sites where highlighting stays off',
      only: 'Sites where highlighting is on',
    } satisfies Record<SiteMode, string>,
    empty: {
      'all-except': 'No site is excluded.',
      only: 'No site yet: nothing is highlighted until you add one.',
    } satisfies Record<SiteMode, string>,
    otherKept: (count: number) =>
      `The other list (${count === 1 ? '1 site' : `${count} sites`}) is kept for when you switch back.`,
    add: 'Add a site',
    addButton: 'Add',
    placeholder: 'example.com',
    patternHint:
      'example.com also covers its subdomains; *.example.com covers only the subdomains; add a port for one server (localhost:8080). A pasted address is reduced to its host.',
    remove: (site: string) => `Remove ${site}`,
    duplicate: (site: string) => `${site} is already in the list.`,
    emptyInput: 'Type a site first, such as example.com.',
    invalid: (text: string) =>
      `“${text}” is not a site: write a host such as example.com, *.example.com or localhost:8080.`,
    tooMany: 'The list is full: remove a site first.',
  },
  language: {
    heading: 'Language',
    label: 'Language of this page and of the cards',
    auto: (current: string) => `Follow the browser (now ${current})`,
    names: { en: 'English', zh: '中文' } satisfies Record<UiLang, string>,
  },
  backup: {
    heading: 'Back up and reset',
    export: 'Export settings',
    exportHint: 'Saves every setting to a JSON file.',
    import: 'Import settings…',
    importHint: 'Replaces every setting with those of a file exported here.',
    imported: 'Settings imported.',
    importFailed: 'The file was not imported and nothing was changed:',
    fileLevel: 'File',
    moreProblems: (count: number) => `…and ${count} more.`,
    unreadable: 'The file could not be read.',
    reset: 'Reset to defaults',
    resetHint:
      'Every setting goes back to how it was at install; you can undo it for a few seconds.',
    resetDone: 'All settings are back to their defaults.',
    undo: 'Undo',
    undone: 'The previous settings are back.',
  },
};

export type OptionsStrings = typeof en;

const zh: OptionsStrings = {
  appName: '智谱事实卡',
  pageTitle: '智谱事实卡设置',
  intro:
    '选择要高亮的内容及其样式。更改会立即保存并应用到所有已打开的标签页，并通过浏览器同步带到你的其他设备。',
  loading: '正在加载设置…',
  saveFailed: (reason) => `无法保存此更改：${reason}`,
  repair: {
    heading: '部分已存储的设置无法读取',
    body: '这些设置已恢复为默认值，其余设置保持不变：',
    everything: '全部设置',
    dismiss: '知道了，保存修复后的设置',
  },
  master: {
    heading: '高亮',
    label: '在网页上高亮提及',
    hint: '关闭后所有网站都不再高亮或弹出卡片；下面的选择会被保留。',
  },
  entities: {
    heading: '实体',
    hint: '只有开启的实体才会被高亮。',
    search: '搜索实体',
    searchPlaceholder: '中文或英文名称',
    total: (on, all) => `已开启 ${on} / ${all}`,
    matches: (count) => (count === 0 ? '没有匹配的实体。' : `匹配 ${count} 个实体。`),
    groupToggle: (group) => `${group}全部`,
  },
  appearance: {
    heading: '高亮样式',
    hint: '每个分组一种样式。示例展示网页上的标记效果。',
    colour: (group) => `${group}的颜色`,
    style: (group) => `${group}的样式`,
    styles: { underline: '下划线', background: '背景色', both: '下划线加背景色', none: '不标记' },
    sampleTwo: ['上周分析师把', 0, '与', 1, '作了比较。'],
    sampleOne: ['文章两次提到', 0, '。'],
    preview: (group) => `${group}示例`,
    noneNote: '不作标记，但仍可打开卡片。',
  },
  card: {
    heading: '卡片',
    delay: '悬停延迟',
    delayValue: (ms) => `${ms} 毫秒`,
    delayHint: '指针在提及上停留多久后打开卡片。',
    trigger: '打开卡片的方式',
    triggers: {
      hover: '悬停在提及上时',
      modifier: '按住某个键并悬停在提及上时',
      click: '点击提及时',
    },
    modifier: '要按住的键',
    modifiers: {
      Alt: 'Alt（Mac 上为 Option）',
      Shift: 'Shift',
      Control: 'Ctrl',
      Meta: '⌘ Command / Windows 键',
    },
    focus: '提及获得键盘焦点时也打开卡片',
  },
  sites: {
    heading: '网站',
    mode: '在哪里高亮',
    modes: { 'all-except': '除以下网站外的所有网站', only: '仅在以下网站' },
    listLabel: { 'all-except': '不高亮的网站', only: '高亮的网站' },
    empty: { 'all-except': '没有排除任何网站。', only: '还没有网站：添加之前不会高亮任何内容。' },
    otherKept: (count) => `另一份列表（${count} 个网站）会保留，切换回去时仍可使用。`,
    add: '添加网站',
    addButton: '添加',
    placeholder: 'example.com',
    patternHint:
      'example.com 同时涵盖其子域名；*.example.com 只涵盖子域名；加上端口则只针对一台服务器（localhost:8080）。粘贴的网址会只保留主机名。',
    remove: (site) => `移除 ${site}`,
    duplicate: (site) => `${site} 已在列表中。`,
    emptyInput: '请先填写网站，如 example.com。',
    invalid: (text) =>
      `“${text}”不是网站：请填写主机名，如 example.com、*.example.com 或 localhost:8080。`,
    tooMany: '列表已满：请先移除一个网站。',
  },
  language: {
    heading: '语言',
    label: '本页面和卡片使用的语言',
    auto: (current) => `跟随浏览器（当前为${current}）`,
    names: { en: 'English', zh: '中文' },
  },
  backup: {
    heading: '备份与重置',
    export: '导出设置',
    exportHint: '把全部设置保存为 JSON 文件。',
    import: '导入设置…',
    importHint: '用此处导出的文件中的设置替换全部设置。',
    imported: '设置已导入。',
    importFailed: '文件未导入，设置没有任何改动：',
    fileLevel: '文件',
    moreProblems: (count) => `……另有 ${count} 处。`,
    unreadable: '无法读取该文件。',
    reset: '恢复默认设置',
    resetHint: '所有设置恢复到安装时的状态；几秒钟内可以撤销。',
    resetDone: '所有设置已恢复为默认值。',
    undo: '撤销',
    undone: '已恢复之前的设置。',
  },
};

/** Every word of the options page, in each UI language; entity and group names come from data/. */
export const optionsStrings: Record<UiLang, OptionsStrings> = { en, zh };
