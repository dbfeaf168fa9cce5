// A change's label in the reader's language (see shared/history-labels.ts), with statuses and
// the page or article said by name; a label no pattern knows is shown as stored.

import type { TFunction } from 'i18next';
import { labelParts } from '../../shared/history-labels.ts';
import { saidValues } from '../i18n/said-values.ts';

export function changeLabelText(t: TFunction, label: string): string {
  const parts = labelParts(label);
  return parts ? t(`changeLabel.${parts.key}`, saidValues(t, parts.params)) : label;
}
