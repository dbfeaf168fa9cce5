// hOCR for one page: ocr_page ▸ ocr_carea (one per region, in reading order) ▸ ocr_line ▸
// ocrx_word with bbox and x_wconf.

import type { Box } from '../../../shared/geometry.ts';
import type { ExportPage } from '../page-model.ts';
import { NON_TEXT_ROLES } from '../page-model.ts';
import { xmlEscape } from './xml.ts';
import { bcp47 } from '../../../shared/language.ts';
import { lineTokens } from '../line-tokens.ts';
import { runsDown } from '../../../shared/line-direction.ts';
import { lineBaseline, toHocrBaseline } from '../../../shared/line-baseline.ts';

const bbox = (b: Box) =>
  `bbox ${Math.round(b.x0)} ${Math.round(b.y0)} ${Math.round(b.x1)} ${Math.round(b.y1)}`;

export function pageToHocr(page: ExportPage): string {
  const areas = page.regions
    .map((region, i) => {
      const id = `p${page.id}_r${i + 1}`;
      if (region.role === 'photo')
        return `<div class="ocr_photo" id="${id}" title="${bbox(region.box)}"></div>`;
      if (region.role === 'graphic')
        return `<div class="ocr_image" id="${id}" title="${bbox(region.box)}"></div>`;
      if (NON_TEXT_ROLES.includes(region.role) || region.lines.length === 0) return '';
      const lines = region.lines
        .map((line, j) => {
          // Whitespace between word spans only where the line has a space: hOCR readers
          // (hocr-lines, hocr-pdf) take the text between spans as the word separator, and
          // Chinese has none between its characters.
          const words = lineTokens(line)
            .map(
              (t, k) =>
                `${t.spaceBefore ? ' ' : ''}<span class="ocrx_word" id="${id}_l${j + 1}_w${k + 1}" title="${bbox(t.box)}${t.confidence === null ? '' : `; x_wconf ${Math.round(t.confidence * 100)}`}">${xmlEscape(t.text)}</span>`,
            )
            .join('');
          const { slope, offset } = toHocrBaseline(lineBaseline(line), line.box);
          // A vertical column runs a quarter turn clockwise from a line across: 270 degrees
          // counter-clockwise, hOCR's sense of textangle; its baseline is the column's middle.
          const direction = runsDown(line)
            ? 'textangle 270'
            : `baseline ${slope.toFixed(3)} ${Math.round(offset)}`;
          return `<span class="ocr_line" id="${id}_l${j + 1}" title="${bbox(line.box)}; ${direction}">${words}</span>`;
        })
        .join('\n');
      return `<div class="ocr_carea" id="${id}" data-role="${region.role}" title="${bbox(region.box)}"><p class="ocr_par">\n${lines}\n</p></div>`;
    })
    .filter(Boolean)
    .join('\n');
  const system = page.source ? `${page.source.engine} ${page.source.version}`.trim() : 'Backfile';
  return `<!DOCTYPE html>
<html xmlns="http://www.w3.org/1999/xhtml" lang="${bcp47(page.languages)}">
<head>
<meta charset="utf-8"/>
<title>${xmlEscape(page.imageFile)}</title>
<meta name="ocr-system" content="${xmlEscape(system)}"/>
<meta name="ocr-capabilities" content="ocr_page ocr_carea ocr_par ocr_line ocrx_word ocr_photo ocr_image"/>
</head>
<body>
<div class="ocr_page" id="page_${page.id}" title="image &quot;${xmlEscape(page.imageFile)}&quot;; ${bbox({ x0: 0, y0: 0, x1: page.width, y1: page.height })}${page.dpi ? `; scan_res ${Math.round(page.dpi)} ${Math.round(page.dpi)}` : ''}">
${areas}
</div>
</body>
</html>
`;
}
