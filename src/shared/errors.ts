// Errors that cross a boundary (CLI output, IPC, HTTP) travel as data with a stable code, so the
// UI and scripts can react to the kind of failure and people can read the message.

export const ERROR_CODES = [
  'archive-missing',
  'archive-too-new',
  'archive-corrupt',
  'file-not-found',
  'file-empty',
  'file-unreadable',
  'format-unrecognised',
  'format-unsupported',
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
  'cancelled',
  'internal',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

export interface ErrorInfo {
  code: ErrorCode;
  message: string;
}

export class BackfileError extends Error {
  readonly code: ErrorCode;
  constructor(code: ErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'BackfileError';
    this.code = code;
  }
}

export function toErrorInfo(error: unknown): ErrorInfo {
  if (error instanceof BackfileError) return { code: error.code, message: error.message };
  const message = error instanceof Error ? error.message : String(error);
  return { code: 'internal', message };
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: ErrorInfo };
