// A IIIF Presentation 3 manifest for an issue: one canvas per page with its image, the text of
// each line as a W3C Web Annotation (supplementing, on the line's box, textGranularity "line"),
// and each article as a range of canvas fragments, across pages when it continues. Every id is
// under the URL of the issue's own folder, where its files are written.

import type { IssueExport } from '../issue-model.ts';
import { mainLanguage } from '../../../shared/language.ts';

const CONTEXT = 'http://iiif.io/api/presentation/3/context.json';
/** The IIIF extension that defines textGranularity; extensions come before the main context. */
const TEXT_GRANULARITY_CONTEXT = 'http://iiif.io/api/extension/text-granularity/context.json';

export function issueToIiif(issue: IssueExport, baseUrl: string): object {
  const base = baseUrl.replace(/\/$/, '');
  const label = { none: [`${issue.title} ${issue.date}`.trim()] };
  const canvasId = (i: number) => `${base}/canvas/p${i + 1}`;
  const xywh = (b: { x0: number; y0: number; x1: number; y1: number }) =>
    `${Math.round(b.x0)},${Math.round(b.y0)},${Math.round(b.x1 - b.x0)},${Math.round(b.y1 - b.y0)}`;
  const items = issue.pages.map((page, i) => {
    const id = canvasId(i);
    const lines = page.model.regions.flatMap((r) => r.lines);
    const language = mainLanguage(page.model.languages)?.bcp47;
    return {
      id,
      type: 'Canvas',
      label: { none: [page.listing.printedNumber ?? String(page.listing.sequence)] },
      width: page.model.width,
      height: page.model.height,
      items: [
        {
          id: `${id}/page`,
          type: 'AnnotationPage',
          items: [
            {
              id: `${id}/image`,
              type: 'Annotation',
              motivation: 'painting',
              body: {
                id: `${base}/${encodeURIComponent(page.imageFile)}`,
                type: 'Image',
                format: page.imageFile.endsWith('.png') ? 'image/png' : 'image/jpeg',
                width: page.model.width,
                height: page.model.height,
              },
              target: id,
            },
          ],
        },
      ],
      annotations: [
        {
          id: `${id}/text`,
          type: 'AnnotationPage',
          items: lines.map((line, k) => ({
            id: `${id}/text/l${k + 1}`,
            type: 'Annotation',
            motivation: 'supplementing',
            // One annotation per printed line (the IIIF text-granularity extension's "line").
            textGranularity: 'line',
            body: {
              type: 'TextualBody',
              value: line.text,
              format: 'text/plain',
              ...(language ? { language } : {}),
            },
            target: `${id}#xywh=${xywh(line.box)}`,
          })),
        },
      ],
    };
  });
  const structures = issue.articles.map(({ article, parts }, i) => ({
    id: `${base}/range/a${i + 1}`,
    type: 'Range',
    label: { none: [article.headline ?? `Article ${i + 1}`] },
    // Each part as its canvas with a media fragment: what viewers (Mirador 4) navigate to;
    // they do not follow SpecificResource items of a range.
    items: parts.map(({ page, region }) => ({
      id: `${canvasId(page)}#xywh=${xywh(issue.pages[page]!.model.regions[region]!.box)}`,
      type: 'Canvas',
    })),
  }));
  return {
    '@context': [TEXT_GRANULARITY_CONTEXT, CONTEXT],
    id: `${base}/manifest.json`,
    type: 'Manifest',
    label,
    ...(issue.date ? { navDate: `${issue.date}T00:00:00Z` } : {}),
    metadata: [
      { label: { en: ['Title'] }, value: { none: [issue.title] } },
      { label: { en: ['Date'] }, value: { none: [issue.date || 'unknown'] } },
    ],
    items,
    structures,
  };
}
