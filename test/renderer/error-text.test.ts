// What the reader is told when the core refuses: every kind of failure has a sentence in both
// languages, every refusal the core names (`reason:` in a BackfileError) has one, and the
// renderer's wording puts the values in (a status by its name, not its code) and falls back to
// the core's English only in the English UI.

import i18next from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { ERROR_CODES } from '../../src/shared/errors.ts';
import { STRINGS } from '../../src/renderer/i18n/strings.ts';
import { errorText } from '../../src/renderer/i18n/error-text.ts';
import { sourceFiles } from '../fixtures/source-files.ts';

/** Every refusal the core names, as written in its source. */
const reasons = new Set(
  ['src/core', 'src/shared'].flatMap((folder) =>
    sourceFiles(folder).flatMap(({ text }) => [...text.matchAll(/reason: '([a-z-]+)'/g)].map((m) => m[1]!)),
  ),
);

beforeAll(async () => {
  await i18next.init({
    resources: STRINGS,
    lng: 'zh',
    fallbackLng: 'en',
    interpolation: { escapeValue: false },
  });
});

describe('error wording', () => {
  it('has a sentence for every kind of failure and every named refusal, in both languages', () => {
    expect(reasons.size).toBeGreaterThan(5);
    for (const lng of ['en', 'zh'] as const) {
      const strings = STRINGS[lng].translation as unknown as {
        errorCode: Record<string, string>;
        errorReason: Record<string, string>;
      };
      expect(ERROR_CODES.filter((c) => !strings.errorCode[c])).toEqual([]);
      expect([...reasons].filter((r) => !strings.errorReason[r])).toEqual([]);
    }
  });

  it('says a refusal in the UI’s language with its values, and the core’s English only in English', async () => {
    await i18next.changeLanguage('zh');
    const back = {
      code: 'invalid-input' as const,
      message: 'page 1: Moving back from corrected to in_correction needs a reason.',
      reason: 'status-needs-reason',
      params: { from: 'corrected', to: 'in_correction' },
    };
    expect(errorText(back)).toBe('从“已校对”退回“校对中”需要填写原因：说明问题所在和如何处理。');
    const unnamed = { code: 'not-found' as const, message: 'No line 7.' };
    expect(errorText(unnamed)).toBe('档案中已没有此项，请刷新视图。');
    await i18next.changeLanguage('en');
    expect(errorText(unnamed)).toBe('No line 7.');
    expect(errorText(back)).toBe(
      'Moving back from “corrected” to “in correction” needs a reason: say what is wrong and what to do.',
    );
  });
});
