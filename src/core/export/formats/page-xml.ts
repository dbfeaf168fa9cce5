// PAGE XML 2019-07-15 for one page: regions with types (text regions with lines, words and their
// text, image, graphic, advert and separator regions) and the reading order.

import type { Box } from '../../../shared/geometry.ts';
import { boxToPolygon } from '../../../shared/geometry.ts';
import type { Line, RegionRole } from '../../../shared/model.ts';
import { joinLines } from '../../../shared/text/normalise.ts';
import type { ExportPage } from '../page-model.ts';
import { attrs, pointsText, xmlEscape } from './xml.ts';
import { mainLanguage } from '../../../shared/language.ts';
import { lineBaseline } from '../../../shared/line-baseline.ts';
import { mostlyDown, runsDown } from '../../../shared/line-direction.ts';

const PAGE_NS = 'http://schema.primaresearch.org/PAGE/gts/pagecontent/2019-07-15';

/** Backfile roles to PAGE text region types. */
export const PAGE_TEXT_TYPES: Partial<Record<RegionRole, string>> = {
  headline: 'heading',
  kicker: 'heading',
  subhead: 'heading',
  body: 'paragraph',
  caption: 'caption',
  byline: 'credit',
  masthead: 'header',
  page_header: 'header',
  dateline: 'other',
  jump: 'other',
  other: 'other',
};

const coords = (box: Box) => `<Coords points="${pointsText(boxToPolygon(box))}"/>`;

function textEquiv(text: string, conf: number | null): string {
  return `<TextEquiv${attrs({ conf: conf === null ? null : Math.min(1, Math.max(0, conf)).toFixed(3) })}><Unicode>${xmlEscape(text)}</Unicode></TextEquiv>`;
}

function lineXml(line: Line, id: string): string {
  const words = line.words
    .map(
      (w, i) =>
        `<Word${attrs({ id: `${id}_w${i + 1}` })}>${coords(w.box)}${textEquiv(w.text, w.confidence)}</Word>`,
    )
    .join('');
  const baseline = `<Baseline points="${pointsText(lineBaseline(line))}"/>`;
  const readingDirection = runsDown(line) ? 'top-to-bottom' : null;
  return `<TextLine${attrs({ id, readingDirection })}>${coords(line.box)}${baseline}${words}${textEquiv(line.text, line.confidence)}</TextLine>`;
}

export function pageToPageXml(page: ExportPage, now = new Date()): string {
  const regions: string[] = [];
  const refs: string[] = [];
  page.regions.forEach((region, i) => {
    const id = `r${i + 1}`;
    const shape = `<Coords points="${pointsText(region.polygon)}"/>`;
    const custom = `readingOrder {index:${i};} structure {type:${region.role};}`;
    if (region.role === 'photo') regions.push(`<ImageRegion${attrs({ id, custom })}>${shape}</ImageRegion>`);
    else if (region.role === 'advertisement')
      regions.push(`<AdvertRegion${attrs({ id, custom })}>${shape}</AdvertRegion>`);
    else if (region.role === 'graphic')
      regions.push(`<GraphicRegion${attrs({ id, custom })}>${shape}</GraphicRegion>`);
    else if (region.role === 'separator')
      regions.push(`<SeparatorRegion${attrs({ id, custom })}>${shape}</SeparatorRegion>`);
    else {
      const lines = region.lines.map((l, j) => lineXml(l, `${id}_l${j + 1}`)).join('');
      // A region of vertical columns: each read top to bottom, the columns right to left.
      const columns = mostlyDown(region.lines)
        ? { readingDirection: 'top-to-bottom', textLineOrder: 'right-to-left' }
        : {};
      const text = region.lines.length > 0 ? textEquiv(joinLines(region.lines.map((l) => l.text)), null) : '';
      regions.push(
        `<TextRegion${attrs({ id, type: PAGE_TEXT_TYPES[region.role] ?? 'other', custom, ...columns })}>${shape}${lines}${text}</TextRegion>`,
      );
    }
    refs.push(`<RegionRefIndexed${attrs({ index: refs.length, regionRef: id })}/>`);
  });
  const stamp = now.toISOString().replace(/\.\d+Z$/, '');
  return (
    `<?xml version="1.0" encoding="UTF-8"?>\n` +
    `<PcGts xmlns="${PAGE_NS}" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" ` +
    `xsi:schemaLocation="${PAGE_NS} ${PAGE_NS}/pagecontent.xsd">` +
    `<Metadata><Creator>Backfile${page.source ? ` (${xmlEscape(`${page.source.engine} ${page.source.version} ${page.source.model}`.trim())})` : ''}</Creator>` +
    `<Created>${stamp}</Created><LastChange>${stamp}</LastChange></Metadata>` +
    `<Page${attrs({ imageFilename: page.imageFile, imageWidth: page.width, imageHeight: page.height, primaryLanguage: mainLanguage(page.languages)?.pageXml ?? null })}>` +
    (refs.length > 0
      ? `<ReadingOrder><OrderedGroup id="ro1">${refs.join('')}</OrderedGroup></ReadingOrder>`
      : '') +
    regions.join('') +
    `</Page></PcGts>\n`
  );
}
