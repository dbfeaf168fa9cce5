// Recognises a scan's format by its first bytes, never by its name: archives are full of
// mislabelled files (a .tif that is a JPEG, a .pdf that is an HTML error page).

export type ScanFormat = 'pdf' | 'png' | 'jpeg' | 'tiff' | 'jp2';

export function detectFormat(head: Uint8Array): ScanFormat | null {
  const starts = (...bytes: number[]) => bytes.every((b, i) => head[i] === b);
  if (starts(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a)) return 'png';
  if (starts(0xff, 0xd8, 0xff)) return 'jpeg';
  if (starts(0x49, 0x49, 0x2a, 0x00) || starts(0x4d, 0x4d, 0x00, 0x2a)) return 'tiff';
  if (starts(0x49, 0x49, 0x2b, 0x00) || starts(0x4d, 0x4d, 0x00, 0x2b)) return 'tiff'; // BigTIFF
  if (starts(0x00, 0x00, 0x00, 0x0c, 0x6a, 0x50, 0x20, 0x20, 0x0d, 0x0a, 0x87, 0x0a)) return 'jp2';
  if (starts(0xff, 0x4f, 0xff, 0x51)) return 'jp2'; // bare JPEG 2000 codestream
  // PDF readers accept the header anywhere in the first kilobyte.
  const text = new TextDecoder('latin1').decode(head.subarray(0, 1024));
  if (text.includes('%PDF-')) return 'pdf';
  return null;
}

export function describeHead(head: Uint8Array): string {
  const hex = [...head.subarray(0, 8)].map((b) => b.toString(16).padStart(2, '0')).join(' ');
  const printable = new TextDecoder('latin1').decode(head.subarray(0, 16)).replace(/[^\x20-\x7e]/g, '.');
  return `${hex} "${printable}"`;
}
