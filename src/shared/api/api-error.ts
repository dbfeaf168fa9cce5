// What a failed call throws in the renderer: the core's error code and message as data, so a
// view can react to the kind of failure (and translate it) instead of parsing a string.

import type { ErrorCode, ErrorInfo } from '../errors.ts';

export class ApiError extends Error {
  readonly code: ErrorCode;
  /** `describe` words the message for its reader (the renderer's language); else the core's. */
  constructor(info: ErrorInfo, describe: (info: ErrorInfo) => string = (i) => i.message) {
    super(describe(info));
    this.name = 'ApiError';
    this.code = info.code;
  }
}

/** The value of a reply, or its error thrown as an ApiError worded by `describe`. */
export function unwrapReply<T>(
  reply: { ok: true; value: T } | { ok: false; error: ErrorInfo },
  describe?: (info: ErrorInfo) => string,
): T {
  if (!reply.ok) throw new ApiError(reply.error, describe);
  return reply.value;
}
