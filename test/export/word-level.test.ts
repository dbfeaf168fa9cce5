// The word-level formats read back as their consumers read them: ALTO's Strings joined with a
// space at each SP (and the hyphen at HYP), hOCR's line text as hocr-tools' hocr-lines takes it
// (the text of the ocr_line element, whitespace runs as one space). Either must give the line's
// text: Latin words spaced, Chinese characters not.

import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { lineTokens, tokensText } from '../../src/core/export/line-tokens.ts';
import { clipToPage, type ExportPage } from '../../src/core/export/page-model.ts';
import { pageToAlto } from '../../src/core/export/formats/alto.ts';
import { pageToHocr } from '../../src/core/export/formats/hocr.ts';
import { pageToPageXml } from '../../src/core/export/formats/page-xml.ts';
import { tempDir } from '../fixtures/temp.ts';
import { validateXml } from '../fixtures/xml-validate.ts';
import type { Line } from '../../src/shared/model.ts';

/** A line whose words are boxed one after another along it, as an engine gives them. */
function lineOf(text: string, words: string[] | null, y = 100, x0 = 50): Line {
  let x = x0;
  const boxed = (words ?? []).map((w) => {
    const box = { x0: x, y0: y, x1: x + 20 * [...w].length, y1: y + 30 };
    x = box.x1 + 10;
    return { box, text: w, confidence: 0.9 };
  });
  return {
    box: { x0: x0, y0: y, x1: Math.max(x, x0 + 20 * [...text].length), y1: y + 30 },
    rawText: text,
    text,
    confidence: 0.9,
    words: boxed,
  };
}

const LINES: Line[] = [
  lineOf('Nro. 10. Freitag, 3. März', ['Nro.', '10.', 'Freitag,', '3.', 'März']),
  lineOf('Frankreich; (Unterwerfung einiger Chouans-Chefs.) — Preussen', [
    'Frankreich;',
    '(Unterwerfung',
    'einiger',
    'Chouans-Chefs.)',
    '—',
    'Preussen',
  ]),
  lineOf('文峪河报', ['文', '峪', '河', '报'], 200),
  lineOf('□ 路小飞 张晋', ['□', '路', '小', '飞', '张', '晋'], 300),
  // Corrected after reading: the words no longer spell it.
  lineOf('Die Regierung hat beschlossen', ['Dle', 'Regierung', 'hat', 'beschloßen'], 400),
  // Imported without word level.
  lineOf('eine Zeile ohne Wörter', null, 500),
  lineOf('Ver¬', ['Ver¬'], 600),
];

describe('line tokens', () => {
  it('join back to the line text: spaces where it has them, none between Chinese characters', () => {
    for (const line of LINES) expect(tokensText(lineTokens(line))).toBe(line.text);
  });

  it('keep the engine boxes where the words still spell the line, and share the line box otherwise', () => {
    const [latin, , chinese, , corrected, bare] = LINES;
    expect(lineTokens(latin!).map((t) => t.box)).toEqual(latin!.words.map((w) => w.box));
    expect(lineTokens(chinese!)).toHaveLength(4);
    const pieces = lineTokens(corrected!);
    expect(pieces.map((t) => t.text)).toEqual(['Die', 'Regierung', 'hat', 'beschlossen']);
    for (let i = 1; i < pieces.length; i++) expect(pieces[i]!.box.x0).toBeGreaterThan(pieces[i - 1]!.box.x1);
    expect(pieces.at(-1)!.box.x1).toBeCloseTo(corrected!.box.x1);
    expect(lineTokens(bare!).map((t) => t.text)).toEqual(['eine', 'Zeile', 'ohne', 'Wörter']);
  });
});

function page(lines: Line[], languages = 'deu'): ExportPage {
  return {
    id: 1,
    sequence: 1,
    imageFile: 'p.png',
    width: 1000,
    height: 800,
    dpi: 300,
    languages,
    source: null,
    regions: [
      {
        id: 1,
        role: 'body',
        polygon: [
          [0, 0],
          [1000, 0],
          [1000, 800],
        ],
        box: { x0: 0, y0: 0, x1: 1000, y1: 800 },
        lines,
      },
    ],
  };
}

const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '', preserveOrder: true });

/** ALTO as a reader takes it: each TextLine's String CONTENTs, a space per SP, the HYP sign. */
function altoLines(xml: string): string[] {
  const lines: string[] = [];
  const walk = (nodes: Record<string, unknown>[]) => {
    for (const node of nodes) {
      const [tag] = Object.keys(node).filter((k) => k !== ':@');
      const children = node[tag!] as Record<string, unknown>[];
      if (tag === 'TextLine') {
        lines.push(
          children
            .map((c) => {
              const attributes = (c[':@'] ?? {}) as Record<string, string>;
              if ('String' in c) return attributes.CONTENT;
              if ('SP' in c) return ' ';
              if ('HYP' in c) return attributes.CONTENT;
              return '';
            })
            .join(''),
        );
      } else if (Array.isArray(children)) walk(children);
    }
  };
  walk(parser.parse(xml) as Record<string, unknown>[]);
  return lines;
}

/** hocr-lines (hocr-tools): every ocr_line's text, whitespace runs as one space, trimmed. */
function hocrLines(html: string): string[] {
  return [...html.matchAll(/<span class="ocr_line"[^>]*>([^]*?)<\/span>(?=\n|<\/p>)/g)].map((m) =>
    m[1]!
      .replace(/<[^>]+>/g, '')
      .replace(/&amp;/g, '&')
      .replace(/\s+/g, ' ')
      .trim(),
  );
}

describe('ALTO and hOCR read back', () => {
  it('give every line its text, with SP between Latin words and none inside Chinese', () => {
    const model = page(LINES);
    expect(altoLines(pageToAlto(model))).toEqual(LINES.map((l) => l.text));
    expect(hocrLines(pageToHocr(model))).toEqual(LINES.map((l) => l.text));
    expect(pageToAlto(model)).toContain('<HYP CONTENT="¬"/>');
  });

  it('carry the language: ALTO LANG and hOCR lang', () => {
    expect(pageToAlto(page(LINES, 'chi_sim+eng'))).toMatch(/<TextBlock [^>]*LANG="zh-Hans"/);
    expect(pageToHocr(page(LINES, 'frk'))).toMatch(/<html [^>]*lang="de"/);
  });

  it('keep every box inside the page', () => {
    const outside = lineOf('Kopf', ['Kopf'], -17, -5);
    const xml = pageToAlto(clipToPage(page([outside])));
    for (const m of xml.matchAll(/(?:HPOS|VPOS|WIDTH|HEIGHT)="(-?\d+)"/g))
      expect(Number(m[1])).toBeGreaterThanOrEqual(0);
    expect(pageToHocr(clipToPage(page([outside])))).not.toMatch(/bbox[^"]*-\d/);
  });
});

describe('a drawing or graphic', () => {
  it('is a GraphicRegion in PAGE and a GraphicalElement in ALTO, both valid, not a text region', async () => {
    const model = page(LINES.slice(0, 1));
    model.regions.push({
      id: 2,
      role: 'graphic',
      polygon: [
        [100, 600],
        [400, 600],
        [400, 780],
        [100, 780],
      ],
      box: { x0: 100, y0: 600, x1: 400, y1: 780 },
      lines: [],
    });
    const dir = tempDir();
    const pageXml = path.join(dir, 'p.page.xml');
    const alto = path.join(dir, 'p.alto.xml');
    writeFileSync(pageXml, pageToPageXml(model));
    writeFileSync(alto, pageToAlto(model));
    expect(readFileSync(pageXml, 'utf8')).toMatch(/<GraphicRegion id="r2"/);
    expect(readFileSync(pageXml, 'utf8')).not.toMatch(/<TextRegion id="r2"/);
    expect(readFileSync(alto, 'utf8')).toMatch(/<GraphicalElement ID="p1_r2"/);
    expect((await validateXml(pageXml, 'page')).valid).toBe(true);
    expect((await validateXml(alto, 'alto')).valid).toBe(true);
  });
});

describe('ALTO type sizes', () => {
  it('give a headline block a larger font size than the body, in valid ALTO', async () => {
    const headline = lineOf('Großer Brand in Basel', ['Großer', 'Brand', 'in', 'Basel'], 40);
    headline.box = { ...headline.box, y1: headline.box.y0 + 90 };
    const model = page([lineOf('Der Körper des Textes', ['Der', 'Körper', 'des', 'Textes'], 300)]);
    model.regions.unshift({
      id: 3,
      role: 'headline',
      polygon: [
        [0, 0],
        [1000, 0],
        [1000, 200],
      ],
      box: { x0: 0, y0: 0, x1: 1000, y1: 200 },
      lines: [headline],
    });
    const xml = pageToAlto(model);
    const size = (blockRole: string) => {
      const ref = new RegExp(`<TextBlock [^>]*TAGREFS="role_${blockRole}"[^>]*STYLEREFS="([^"]+)"`).exec(
        xml,
      )?.[1];
      return Number(new RegExp(`<TextStyle ID="${ref}" FONTSIZE="([\\d.]+)"`).exec(xml)?.[1]);
    };
    expect(size('headline')).toBeGreaterThan(2 * size('body'));
    const file = path.join(tempDir(), 'p.alto.xml');
    writeFileSync(file, xml);
    expect((await validateXml(file, 'alto')).valid).toBe(true);
  });
});
