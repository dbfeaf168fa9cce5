// What the reader is told when the core refuses or fails: the refusal in the UI's language where
// the core named it (a folder that is not empty, a move back without a reason), else, in English,
// the core's own sentence, and in Chinese a sentence for the kind of failure. Never a code,
// a stack or a path the reader did not give.

import i18next from 'i18next';
import type { ErrorInfo } from '../../shared/errors.ts';

/** Status codes among a reason's values are said as statuses. */
const STATUS_PARAMS = new Set(['from', 'to']);

export function errorText(info: ErrorInfo): string {
  if (info.reason && i18next.exists(`errorReason.${info.reason}`)) {
    const params = Object.fromEntries(
      Object.entries(info.params ?? {}).map(([k, v]) => [
        k,
        STATUS_PARAMS.has(k) ? i18next.t(`status.${String(v)}`) : v,
      ]),
    );
    return i18next.t(`errorReason.${info.reason}`, params);
  }
  if (i18next.language.startsWith('en')) return info.message;
  return i18next.t(`errorCode.${info.code}`);
}
