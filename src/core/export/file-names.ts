// Safe, readable file names for exports: metadata from the archive never becomes a path.

export function safeFileName(text: string, fallback = 'untitled'): string {
  const cleaned = text
    .normalize('NFC')
    .replace(/[\\/:*?"<>|]/g, '_')
    .replace(/\p{Cc}/gu, '_')
    .replace(/^\.+/, '_')
    .replace(/\s+/g, '_')
    .slice(0, 120);
  return cleaned || fallback;
}

export function pageFileStem(page: { title: string; date: string; sequence: number; id: number }): string {
  const date = page.date || 'undated';
  return `${safeFileName(page.title)}_${date}_p${String(page.sequence).padStart(3, '0')}_id${page.id}`;
}
