// ALTO 4.4 for one page: text blocks, lines and strings with word confidence (WC), photos as
// Illustrations, region roles as structure tags, and the reading order. Coordinates in pixels.

import type { Box } from '../../../shared/geometry.ts';
import type { Line } from '../../../shared/model.ts';
import { NON_TEXT_ROLES, type ExportPage } from '../page-model.ts';
import { attrs, pointsText, xmlEscape } from './xml.ts';
import { lineTokens } from '../line-tokens.ts';
import { mainLanguage } from '../../../shared/language.ts';
import { median } from '../../../shared/median.ts';
import { mostlyDown, runsDown } from '../../../shared/line-direction.ts';
import { lineBaseline } from '../../../shared/line-baseline.ts';

const ALTO_NS = 'http://www.loc.gov/standards/alto/ns-v4#';

function position(box: Box) {
  return {
    HPOS: Math.round(box.x0),
    VPOS: Math.round(box.y0),
    WIDTH: Math.max(0, Math.round(box.x1 - box.x0)),
    HEIGHT: Math.max(0, Math.round(box.y1 - box.y0)),
  };
}

/** A line-end hyphenation sign as printed (NZZ's ¬); ALTO carries it as HYP, not in the word. */
const HYPHEN_AT_END = /¬$/u;

function lineXml(line: Line, id: string): string {
  const tokens = lineTokens(line);
  const strings = tokens
    .map((t, i) => {
      const last = i === tokens.length - 1;
      const hyphen = last && HYPHEN_AT_END.test(t.text) && t.text.length > 1;
      const content = hyphen ? t.text.replace(HYPHEN_AT_END, '') : t.text;
      const string = `<String${attrs({ ID: `${id}_w${i + 1}`, CONTENT: content, ...position(t.box), WC: t.confidence === null ? null : t.confidence.toFixed(3) })}/>`;
      return `${t.spaceBefore ? '<SP/>' : ''}${string}${hyphen ? '<HYP CONTENT="¬"/>' : ''}`;
    })
    .join('');
  const down = runsDown(line) ? 'ttb' : null;
  return `<TextLine${attrs({ ID: id, ...position(line.box), BASELINE: pointsText(lineBaseline(line)), BASEDIRECTION: down })}>${strings}</TextLine>`;
}

export function pageToAlto(page: ExportPage, now = new Date()): string {
  const roles = [...new Set(page.regions.map((r) => r.role))];
  const tags = roles
    .map((role) => `<StructureTag${attrs({ ID: `role_${role}`, TYPE: 'role', LABEL: role })}/>`)
    .join('');
  const blocks: string[] = [];
  const order: string[] = [];
  // Type sizes: each text block's median line height as a font size in points (at the page's
  // dpi, 300 when unknown), one TextStyle per size, so a headline is told from body type.
  const dpi = page.dpi ?? 300;
  const sizeOf = (region: (typeof page.regions)[number]) => {
    const height = median(region.lines.map((l) => l.box.y1 - l.box.y0));
    return Math.max(1, Math.round((height / dpi) * 72 * 2) / 2);
  };
  const sizes = [...new Set(page.regions.filter((r) => r.lines.length > 0).map(sizeOf))].sort(
    (a, b) => a - b,
  );
  const styleId = (size: number) => `font_${String(size).replace('.', '_')}`;
  const lang = mainLanguage(page.languages)?.bcp47 ?? null;
  page.regions.forEach((region, i) => {
    const id = `p${page.id}_r${i + 1}`;
    order.push(id);
    const common = { ID: id, ...position(region.box), TAGREFS: `role_${region.role}` };
    const text = {
      ...common,
      LANG: lang,
      STYLEREFS: region.lines.length > 0 ? styleId(sizeOf(region)) : null,
      // A block of vertical columns (ALTO 4.3's base direction: top to bottom).
      BASEDIRECTION: mostlyDown(region.lines) ? 'ttb' : null,
    };
    if (region.role === 'photo') blocks.push(`<Illustration${attrs({ ...common, TYPE: 'photo' })}/>`);
    else if (NON_TEXT_ROLES.includes(region.role)) blocks.push(`<GraphicalElement${attrs(common)}/>`);
    else if (region.lines.length > 0)
      blocks.push(
        `<TextBlock${attrs(text)}>${region.lines.map((l, j) => lineXml(l, `${id}_l${j + 1}`)).join('')}</TextBlock>`,
      );
    else order.pop();
  });
  const software = page.source
    ? `<ocrProcessingStep><processingDateTime>${now.toISOString()}</processingDateTime><processingSoftware><softwareCreator>${xmlEscape(page.source.kind)}</softwareCreator><softwareName>${xmlEscape(page.source.engine || page.source.kind)}</softwareName><softwareVersion>${xmlEscape(`${page.source.version} ${page.source.model}`.trim())}</softwareVersion></processingSoftware></ocrProcessingStep>`
    : '';
  const readingOrder =
    order.length > 0
      ? `<ReadingOrder><OrderedGroup ID="ro_p${page.id}">${order.map((ref, i) => `<ElementRef${attrs({ ID: `ro_p${page.id}_${i + 1}`, REF: ref })}/>`).join('')}</OrderedGroup></ReadingOrder>`
      : '';
  return (
    `<?xml version="1.0" encoding="UTF-8"?>\n` +
    `<alto xmlns="${ALTO_NS}" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" ` +
    `xsi:schemaLocation="${ALTO_NS} http://www.loc.gov/alto/v4/alto-4-4.xsd" SCHEMAVERSION="4.4">` +
    `<Description><MeasurementUnit>pixel</MeasurementUnit>` +
    `<sourceImageInformation><fileName>${xmlEscape(page.imageFile)}</fileName></sourceImageInformation>` +
    (software ? `<OCRProcessing ID="ocr_p${page.id}">${software}</OCRProcessing>` : '') +
    `</Description>` +
    (sizes.length
      ? `<Styles>${sizes.map((size) => `<TextStyle${attrs({ ID: styleId(size), FONTSIZE: size })}/>`).join('')}</Styles>`
      : '') +
    (tags ? `<Tags>${tags}</Tags>` : '') +
    readingOrder +
    `<Layout><Page${attrs({ ID: `page_${page.id}`, PHYSICAL_IMG_NR: page.sequence, WIDTH: page.width, HEIGHT: page.height })}>` +
    `<PrintSpace${attrs({ ID: `ps_p${page.id}`, HPOS: 0, VPOS: 0, WIDTH: page.width, HEIGHT: page.height })}>` +
    blocks.join('') +
    `</PrintSpace></Page></Layout></alto>\n`
  );
}
