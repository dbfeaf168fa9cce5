// Errors that cross a boundary (CLI output, IPC, HTTP) travel as data with a stable code, so the
// UI and scripts can react to the kind of failure and people can read the message.

export const ERROR_CODES = [
  'archive-missing',
  'archive-too-new',
  'archive-corrupt',
  'archive-foreign',
  'archive-not-writable',
  'disk-full',
  'file-not-found',
  'file-empty',
  'file-unreadable',
  'format-unrecognised',
  'image-corrupt',
  'image-too-large',
  'pdf-corrupt',
  'pdf-encrypted',
  'pdf-no-pages',
  'ocr-file-invalid',
  'pattern-invalid',
  'pattern-mismatch',
  'metadata-invalid',
  'not-found',
  'invalid-input',
  'forbidden',
  'needs-confirmation',
  'cancelled',
  'timed-out',
  'internal',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

/** Values a reason's sentence names (a folder, a status). */
export type ReasonParams = Record<string, string | number>;

export interface ErrorInfo {
  code: ErrorCode;
  /** The core's own sentence, in English (what the CLI prints and the logs keep). */
  message: string;
  /**
   * Which refusal this is, for a UI that says it in its reader's language: a key of the
   * renderer's `errorReason` strings, with the values its sentence names.
   */
  reason?: string;
  params?: ReasonParams;
}

export class BackfileError extends Error {
  readonly code: ErrorCode;
  readonly reason?: string;
  readonly params?: ReasonParams;
  constructor(
    code: ErrorCode,
    message: string,
    options?: { cause?: unknown; reason?: string; params?: ReasonParams },
  ) {
    super(message, options);
    this.name = 'BackfileError';
    this.code = code;
    if (options?.reason) this.reason = options.reason;
    if (options?.params) this.params = options.params;
  }
}

/** What the operating system or SQLite said, as the user's problem rather than an internal one. */
export function systemErrorCode(error: unknown): ErrorCode | null {
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code !== 'string') return null;
  if (code === 'ENOSPC' || code === 'SQLITE_FULL' || code === 'EDQUOT') return 'disk-full';
  if (
    ['EACCES', 'EPERM', 'EROFS', 'SQLITE_READONLY', 'SQLITE_CANTOPEN'].includes(code) ||
    code.startsWith('SQLITE_READONLY_')
  )
    return 'archive-not-writable';
  return null;
}

export function toErrorInfo(error: unknown): ErrorInfo {
  if (error instanceof BackfileError)
    return {
      code: error.code,
      message: error.message,
      ...(error.reason ? { reason: error.reason } : {}),
      ...(error.params ? { params: error.params } : {}),
    };
  const message = error instanceof Error ? error.message : String(error);
  const code = systemErrorCode(error);
  if (code === 'disk-full') return { code, message: `The disk is full: ${message}` };
  if (code === 'archive-not-writable') return { code, message: `Backfile may not write here: ${message}` };
  return { code: 'internal', message };
}
