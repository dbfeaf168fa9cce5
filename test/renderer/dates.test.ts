// Issue dates as the reader writes them: in the UI's language, in the browser's regional custom
// when it is of that language, and anything that is not a real date shown as it is.

import i18next from 'i18next';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { STRINGS } from '../../src/renderer/i18n/strings.ts';
import { issueDate } from '../../src/renderer/i18n/dates.ts';

beforeAll(async () => {
  await i18next.init({ resources: STRINGS, lng: 'en', fallbackLng: 'en' });
});

afterEach(() => vi.unstubAllGlobals());

const browserLanguages = (languages: string[]) => vi.stubGlobal('navigator', { languages });

describe('issue dates', () => {
  it('follows the UI language, and the browser’s region of it', async () => {
    browserLanguages(['en-GB', 'de-CH']);
    await i18next.changeLanguage('en');
    expect(issueDate('2018-10-19')).toBe('19 October 2018');
    browserLanguages(['en-US']);
    expect(issueDate('1911-03-02')).toBe('March 2, 1911');
    // A Chinese UI in a browser set to English: the UI's language decides.
    await i18next.changeLanguage('zh');
    expect(issueDate('2018-10-19')).toBe('2018年10月19日');
  });

  it('keeps the day whatever the machine’s time zone, and shows a non-date as it is', async () => {
    browserLanguages(['en-GB']);
    await i18next.changeLanguage('en');
    // Midnight UTC is the evening before in the Americas: the day must not move.
    expect(issueDate('1900-01-01')).toBe('1 January 1900');
    expect(issueDate('1911-13-40')).toBe('1911-13-40');
    expect(issueDate('')).toBe('');
  });
});
