import { describe, expect, it } from 'vitest';
import { blocksFromTsv } from '../../src/core/ocr/tesseract-tsv.ts';

const row = (
  level: number,
  block: number,
  par: number,
  line: number,
  word: number,
  box: number[],
  conf: number,
  text = '',
) => [level, 1, block, par, line, word, ...box, conf, text].join('\t');

describe('tesseract TSV to blocks', () => {
  it('groups words into lines and blocks, with boxes, confidences 0–1 and normalised line text', () => {
    const tsv = [
      'level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext',
      row(1, 0, 0, 0, 0, [0, 0, 1000, 1000], -1),
      row(2, 1, 0, 0, 0, [10, 10, 300, 100], -1),
      row(4, 1, 1, 1, 0, [10, 10, 300, 40], -1),
      row(5, 1, 1, 1, 1, [10, 10, 80, 40], 91.5, '交 城'),
      row(5, 1, 1, 1, 2, [95, 10, 40, 40], 80, '县'),
      row(5, 1, 1, 2, 1, [10, 60, 120, 40], 70, '⽂化'),
      row(5, 1, 1, 2, 2, [140, 60, 10, 40], 60, ' '),
      row(5, 2, 1, 1, 1, [500, 10, 100, 30], 95, 'Neue'),
      row(5, 2, 1, 1, 2, [610, 10, 120, 30], 93, 'Zeitung'),
    ].join('\n');
    const blocks = blocksFromTsv(tsv);
    expect(blocks).toHaveLength(2);
    expect(blocks[0]!.lines.map((l) => l.text)).toEqual(['交城县', '文化']);
    expect(blocks[0]!.lines[0]!.box).toEqual({ x0: 10, y0: 10, x1: 135, y1: 50 });
    expect(blocks[0]!.lines[0]!.words.map((w) => w.confidence)).toEqual([0.915, 0.8]);
    expect(blocks[0]!.lines[1]!.words).toHaveLength(1); // the blank word is dropped
    expect(blocks[1]!.lines[0]).toMatchObject({
      text: 'Neue Zeitung',
      rawText: 'Neue Zeitung',
      confidence: 0.94,
    });
    expect(blocks[1]!.box).toEqual({ x0: 500, y0: 10, x1: 730, y1: 40 });
  });

  it('gives nothing for empty output', () => {
    expect(blocksFromTsv('')).toEqual([]);
  });
});
