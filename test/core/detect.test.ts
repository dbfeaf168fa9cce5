import { describe, expect, it } from 'vitest';
import { detectFormat } from '../../src/core/import/detect.ts';

const bytes = (...b: number[]) => new Uint8Array(b);
const ascii = (s: string) => new TextEncoder().encode(s);

describe('format detection by content', () => {
  it.each([
    ['png', bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0)],
    ['jpeg', bytes(0xff, 0xd8, 0xff, 0xe0)],
    ['tiff', ascii('II*\0')],
    ['tiff', ascii('MM\0*')],
    ['tiff', ascii('II+\0')],
    ['jp2', bytes(0, 0, 0, 0x0c, 0x6a, 0x50, 0x20, 0x20, 0x0d, 0x0a, 0x87, 0x0a)],
    ['jp2', bytes(0xff, 0x4f, 0xff, 0x51)],
    ['pdf', ascii('%PDF-1.7\n')],
    ['pdf', ascii('\n\n  junk before the header %PDF-1.4')],
  ])('recognises %s', (format, head) => {
    expect(detectFormat(head)).toBe(format);
  });

  it('recognises nothing in text, HTML or empty input', () => {
    expect(detectFormat(ascii('<html><body>404</body></html>'))).toBeNull();
    expect(detectFormat(ascii('plain text'))).toBeNull();
    expect(detectFormat(new Uint8Array())).toBeNull();
  });
});
