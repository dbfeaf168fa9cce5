// The export formats: pages (txt, ALTO, PAGE XML, hOCR), articles (Markdown, JSON, CSV, photos)
// and issues (METS, IIIF, searchable PDF).

export const EXPORT_FORMATS = [
  'txt',
  'alto',
  'page',
  'hocr',
  'md',
  'json',
  'csv',
  'photos',
  'mets',
  'iiif',
  'pdf',
] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];
