// Dates as the reader writes them: an issue's date (stored YYYY-MM-DD) in the UI's language and,
// where the browser names a region of that language, its custom (19 October 2018 in en-GB,
// October 19, 2018 in en-US, 2018年10月19日 in Chinese). Anything else is shown as it is.

import i18next from 'i18next';
import { isRealIsoDate } from '../../shared/date.ts';

/** The locale dates follow: the browser's own when it is of the UI's language, else the UI's. */
function dateLocale(): string {
  const language = i18next.language || 'en';
  const base = language.split('-')[0]!;
  const browser = typeof navigator === 'undefined' ? [] : navigator.languages;
  return browser.find((l) => l.split('-')[0] === base) ?? language;
}

// One formatter per locale: making one costs far more than formatting, and a library lists a
// date on every issue and page.
const formats = new Map<string, Intl.DateTimeFormat>();

export function issueDate(date: string): string {
  if (!isRealIsoDate(date)) return date;
  const locale = dateLocale();
  let format = formats.get(locale);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, {
      year: 'numeric',
      month: 'long',
      day: 'numeric',
      timeZone: 'UTC',
    });
    formats.set(locale, format);
  }
  return format.format(new Date(`${date}T00:00:00Z`));
}
