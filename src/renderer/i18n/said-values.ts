// The values a sentence names (an error's, a change label's) as the reader says them: a status
// by its name, not its code; a page or article by its word. Others as they are.

import type { TFunction } from 'i18next';

export function saidValues(
  t: TFunction,
  values: Record<string, string | number> = {},
): Record<string, string | number> {
  return Object.fromEntries(
    Object.entries(values).map(([name, value]) => [
      name,
      (name === 'from' || name === 'to') && typeof value === 'string'
        ? t(`status.${value}`)
        : name === 'entity' && typeof value === 'string'
          ? t(`changeLabel.entity.${value}`)
          : value,
    ]),
  );
}
