// What the reader is told when the core refuses or fails: the refusal in the UI's language where
// the core named it (a folder that is not empty, a move back without a reason), else, in English,
// the core's own sentence, and in Chinese a sentence for the kind of failure. Never a code,
// a stack or a path the reader did not give.

import i18next from 'i18next';
import type { ErrorInfo } from '../../shared/errors.ts';
import { saidValues } from './said-values.ts';

export function errorText(info: ErrorInfo): string {
  if (info.reason && i18next.exists(`errorReason.${info.reason}`))
    return i18next.t(`errorReason.${info.reason}`, saidValues(i18next.t, info.params));
  if (i18next.language.startsWith('en')) return info.message;
  return i18next.t(`errorCode.${info.code}`);
}
