// Text from outside (file names, titles, OCR) on its way to a terminal or a line-based record.
// A file name may hold ESC (which a terminal obeys: colours, cursor moves, a rewritten screen) or
// a newline (which splits one record into two); both are shown as escapes instead.

const CONTROL = /[\p{Cc}\u2028\u2029\u202a-\u202e\u2066-\u2069]/gu;

export function escapeForTerminal(text: string): string {
  return text.replace(CONTROL, (c) => {
    if (c === '\n') return '\\n';
    if (c === '\t') return '\\t';
    if (c === '\r') return '\\r';
    return `\\u{${c.codePointAt(0)!.toString(16)}}`;
  });
}
