// Every string of the UI, in English and 简体中文.

export const STRINGS = {
  en: {
    translation: {
      appName: 'Backfile',
      library: 'Library',
      pages_one: '{{count}} page',
      pages_other: '{{count}} pages',
      emptyArchive: 'The archive is empty. Import scans with “backfile import”.',
      status: {
        imported: 'imported',
        ocr: 'OCR read',
        in_correction: 'in correction',
        corrected: 'corrected',
        reviewed: 'reviewed',
        approved: 'approved',
      },
      readSelected: 'Read with OCR',
      pause: 'Pause',
      progress: '{{done}} of {{total}} pages · {{rate}} pages/min · ETA {{eta}}',
      language: 'Language',
      failures: 'Import failures',
      page: 'p. {{n}}',
      undated: 'undated',
    },
  },
  zh: {
    translation: {
      appName: 'Backfile 报刊整理',
      library: '馆藏',
      pages_one: '{{count}} 版',
      pages_other: '{{count}} 版',
      emptyArchive: '档案为空。请用 “backfile import” 导入扫描件。',
      status: {
        imported: '已导入',
        ocr: '已识别',
        in_correction: '校对中',
        corrected: '已校对',
        reviewed: '已审核',
        approved: '已批准',
      },
      readSelected: '文字识别',
      pause: '暂停',
      progress: '{{done}} / {{total}} 版 · 每分钟 {{rate}} 版 · 剩余 {{eta}}',
      language: '语言',
      failures: '导入失败',
      page: '第{{n}}版',
      undated: '无日期',
    },
  },
} as const;
