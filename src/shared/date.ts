// Issue dates: YYYY-MM-DD and a real day of the calendar. One schema for the API, the upload,
// the command line and the core, so 2020-13-45 or 2018-02-30 is refused wherever it comes in
// (it would otherwise end up in file names and exports).

import { z } from 'zod';

export function validDate(year: number, month: number, day: number): boolean {
  const d = new Date(Date.UTC(year, month - 1, day));
  return year >= 1 && d.getUTCFullYear() === year && d.getUTCMonth() === month - 1 && d.getUTCDate() === day;
}

export function isRealIsoDate(s: string): boolean {
  return (
    /^\d{4}-\d{2}-\d{2}$/.test(s) &&
    validDate(Number(s.slice(0, 4)), Number(s.slice(5, 7)), Number(s.slice(8, 10)))
  );
}

export const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'a date is written YYYY-MM-DD')
  .refine(isRealIsoDate, 'not a real date');
