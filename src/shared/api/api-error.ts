// What a failed call throws in the renderer: the core's error code and message as data, so a
// view can react to the kind of failure (and translate it) instead of parsing a string.

import type { ErrorCode, ErrorInfo } from '../errors.ts';

export class ApiError extends Error {
  readonly code: ErrorCode;
  constructor(info: ErrorInfo) {
    super(info.message);
    this.name = 'ApiError';
    this.code = info.code;
  }
}

/** The value of a reply, or its error thrown as an ApiError. */
export function unwrapReply<T>(reply: { ok: true; value: T } | { ok: false; error: ErrorInfo }): T {
  if (!reply.ok) throw new ApiError(reply.error);
  return reply.value;
}
