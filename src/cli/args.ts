// Shared command-line options and their validation: every value that enters from the command
// line is checked before any work starts.

import { parseArgs, type ParseArgsConfig } from 'node:util';
import { z } from 'zod';
import { defaultArchiveFolder } from '../core/archive/default-location.ts';
import { BackfileError } from '../shared/errors.ts';

export const ARCHIVE_OPTION = { archive: { type: 'string' } } as const;
export const JSON_OPTION = { json: { type: 'boolean', default: false } } as const;

export function parse<T extends NonNullable<ParseArgsConfig['options']>>(argv: string[], options: T) {
  try {
    return parseArgs({ args: argv, options, allowPositionals: true, strict: true });
  } catch (error) {
    throw new BackfileError('invalid-input', (error as Error).message);
  }
}

export function archiveFolder(value: string | undefined): string {
  return value ?? defaultArchiveFolder();
}

export function check<T>(schema: z.ZodType<T>, value: unknown, what: string): T {
  const result = schema.safeParse(value);
  if (!result.success) {
    throw new BackfileError(
      'invalid-input',
      `${what}: ${result.error.issues.map((i) => i.message).join('; ')}`,
    );
  }
  return result.data;
}

export const ID_LIST = z.array(z.coerce.number().int().positive()).min(1).max(100_000);
export const ID = z.coerce.number().int().positive();

/** A comma-separated list of ids, e.g. --pages 3,4,9. */
export function idList(value: string, what: string): number[] {
  return check(ID_LIST, value.split(','), what);
}

/** --jobs: OCR workers, the machine's default when not given. */
export function workersOption(value: string | undefined, fallback: () => number): number {
  return value === undefined ? fallback() : check(z.coerce.number().int().min(1).max(64), value, '--jobs');
}

/** --dpi: the resolution a scan claims, where its file says none or says it wrongly. */
export function dpiOption(value: string | undefined): number | undefined {
  return value === undefined ? undefined : check(z.coerce.number().int().min(50).max(1200), value, '--dpi');
}
