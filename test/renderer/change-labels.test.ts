// Change labels in the reader's language: every label the core writes (read from its source, so
// a new one cannot slip by) is known, each known key has a sentence in both languages, and the
// labels with values are said with them, statuses by their names.

import i18next from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { labelParts } from '../../src/shared/history-labels.ts';
import { changeLabelText } from '../../src/renderer/page/change-label.ts';
import { STRINGS } from '../../src/renderer/i18n/strings.ts';
import { sourceFiles } from '../fixtures/source-files.ts';

/** The literal labels in the core's recordChange calls (and the two written without it). */
const literalLabels = [
  ...sourceFiles('src/core').flatMap(({ text }) =>
    [...text.matchAll(/recordChange\(\s*[\w.]+,\s*([^,]*?),\s*user/gs)].flatMap((m) =>
      [...m[1]!.matchAll(/'([^']+)'/g)].map((q) => q[1]!),
    ),
  ),
  'edit page metadata', // page-metadata.ts inserts its change row itself
  'revert line to the original', // versions.ts hands its label to revertTo
];

/** Labels with values, as the core writes them. */
const TEMPLATED = [
  'read page 3 again with ppocr',
  'page ocr → in_correction',
  'article corrected → in_correction',
  'replace “交城” with “文峪” in 12 lines',
  'revert line to change 41',
  'revert article to change 7',
];

beforeAll(async () => {
  await i18next.init({
    resources: STRINGS,
    lng: 'zh',
    fallbackLng: 'en',
    interpolation: { escapeValue: false },
  });
});

describe('change labels', () => {
  it('knows every label the core writes, and says each in both languages', async () => {
    expect(literalLabels.length).toBeGreaterThan(10);
    const unknown = [...literalLabels, ...TEMPLATED].filter((l) => labelParts(l) === null);
    expect(unknown).toEqual([]);
    for (const lng of ['en', 'zh']) {
      await i18next.changeLanguage(lng);
      for (const label of [...literalLabels, ...TEMPLATED]) {
        const text = changeLabelText(i18next.t, label);
        expect(text, `${lng}: ${label}`).not.toMatch(/changeLabel\./);
        if (lng === 'zh') expect(text, label).toMatch(/\p{Script=Han}/u);
      }
    }
  });

  it('says the values: statuses by name, the count of lines, the engine', async () => {
    await i18next.changeLanguage('zh');
    expect(changeLabelText(i18next.t, 'page ocr → in_correction')).toBe('版面从“已识别”改为“校对中”');
    expect(changeLabelText(i18next.t, 'replace “交城” with “文峪” in 12 lines')).toBe(
      '把“交城”替换为“文峪”，共 12 行',
    );
    await i18next.changeLanguage('en');
    expect(changeLabelText(i18next.t, 'replace “a” with “b” in 1 lines')).toBe(
      'replaced “a” with “b” in 1 line',
    );
    expect(changeLabelText(i18next.t, 'read page 3 again with ppocr')).toBe('read the page again with ppocr');
    expect(changeLabelText(i18next.t, 'something else')).toBe('something else');
  });
});
