// A change's label in the reader's language (see shared/history-labels.ts), with statuses and
// the page or article said by name; a label no pattern knows is shown as stored.

import type { TFunction } from 'i18next';
import { labelParts } from '../../shared/history-labels.ts';

export function changeLabelText(t: TFunction, label: string): string {
  const parts = labelParts(label);
  if (!parts) return label;
  const params: Record<string, string | number> = { ...parts.params };
  for (const name of ['from', 'to'] as const)
    if (typeof params[name] === 'string') params[name] = t(`status.${params[name]}`);
  if (typeof params['entity'] === 'string') params['entity'] = t(`changeLabel.entity.${params['entity']}`);
  return t(`changeLabel.${parts.key}`, params);
}
