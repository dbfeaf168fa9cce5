// A IIIF Presentation 3 manifest for an issue: one canvas per page with its image, the text of
// each line as a W3C Web Annotation (supplementing, on the line's box), and each article as a
// range of canvas fragments, across pages when it continues.

import type { IssueExport } from '../issue-model.ts';
import { mainLanguage } from '../../../shared/language.ts';

const CONTEXT = 'http://iiif.io/api/presentation/3/context.json';

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
    items: parts.map(({ page, region }) => ({
      type: 'SpecificResource',
      source: canvasId(page),
      selector: {
        type: 'FragmentSelector',
        conformsTo: 'http://www.w3.org/TR/media-frags/',
        value: `xywh=${xywh(issue.pages[page]!.model.regions[region]!.box)}`,
      },
    })),
  }));
  return {
    '@context': CONTEXT,
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
