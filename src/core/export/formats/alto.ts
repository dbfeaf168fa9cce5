// ALTO 4.4 for one page: text blocks, lines and strings with word confidence (WC), photos as
// Illustrations, region roles as structure tags, and the reading order. Coordinates in pixels.

import type { Box } from '../../../shared/geometry.ts';
import type { Line } from '../../../shared/model.ts';
import { NON_TEXT_ROLES, type ExportPage } from '../page-model.ts';
import { attrs, xmlEscape } from './xml.ts';

const ALTO_NS = 'http://www.loc.gov/standards/alto/ns-v4#';

function position(box: Box) {
  return {
    HPOS: Math.round(box.x0),
    VPOS: Math.round(box.y0),
    WIDTH: Math.max(0, Math.round(box.x1 - box.x0)),
    HEIGHT: Math.max(0, Math.round(box.y1 - box.y0)),
  };
}

function lineXml(line: Line, id: string): string {
  const words =
    line.words.length > 0 ? line.words : [{ box: line.box, text: line.text, confidence: line.confidence }];
  const strings = words
    .map((w, i) => {
      const sp =
        i > 0 &&
        /[\p{Script=Latin}\p{N}]$/u.test(words[i - 1]!.text) &&
        /^[\p{Script=Latin}\p{N}]/u.test(w.text)
          ? '<SP/>'
          : '';
      return `${sp}<String${attrs({ ID: `${id}_w${i + 1}`, CONTENT: w.text, ...position(w.box), WC: w.confidence === null ? null : w.confidence.toFixed(3) })}/>`;
    })
    .join('');
  return `<TextLine${attrs({ ID: id, ...position(line.box) })}>${strings}</TextLine>`;
}

export function pageToAlto(page: ExportPage, now = new Date()): string {
  const roles = [...new Set(page.regions.map((r) => r.role))];
  const tags = roles
    .map((role) => `<StructureTag${attrs({ ID: `role_${role}`, TYPE: 'role', LABEL: role })}/>`)
    .join('');
  const blocks: string[] = [];
  const order: string[] = [];
  page.regions.forEach((region, i) => {
    const id = `p${page.id}_r${i + 1}`;
    order.push(id);
    const common = { ID: id, ...position(region.box), TAGREFS: `role_${region.role}` };
    if (region.role === 'photo') blocks.push(`<Illustration${attrs({ ...common, TYPE: 'photo' })}/>`);
    else if (NON_TEXT_ROLES.includes(region.role)) blocks.push(`<GraphicalElement${attrs(common)}/>`);
    else if (region.lines.length > 0)
      blocks.push(
        `<TextBlock${attrs(common)}>${region.lines.map((l, j) => lineXml(l, `${id}_l${j + 1}`)).join('')}</TextBlock>`,
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
    (tags ? `<Tags>${tags}</Tags>` : '') +
    readingOrder +
    `<Layout><Page${attrs({ ID: `page_${page.id}`, PHYSICAL_IMG_NR: 1, WIDTH: page.width, HEIGHT: page.height })}>` +
    `<PrintSpace${attrs({ ID: `ps_p${page.id}`, HPOS: 0, VPOS: 0, WIDTH: page.width, HEIGHT: page.height })}>` +
    blocks.join('') +
    `</PrintSpace></Page></Layout></alto>\n`
  );
}
