// Uncertain words marked inside the editor's text, in Chromium against `backfile serve`: the
// word the engine was unsure of is marked under its own characters in the line's field, the mark
// goes as soon as the reader retypes the word (before anything is saved), and Esc (back to the
// saved text) brings it back. The page is a real PDF; one word's confidence is set low in the
// archive, as an engine would have stored it.

import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { importScans } from '../../src/core/import/importer.ts';
import { sharedBrowser, SHOTS, withApp } from './browser.ts';
import { samplePage } from '../fixtures/samples.ts';
import { tempArchive } from '../fixtures/temp.ts';

const browser = sharedBrowser();

/** What the checks ask of the page's window (the tests compile without the DOM's types). */
interface PageWindow {
  document: {
    createElement(tag: 'canvas'): {
      getContext(kind: '2d'): { font: string; measureText(text: string): { width: number } };
    };
  };
  getComputedStyle(element: unknown): { font: string; paddingLeft: string; borderLeftWidth: string };
}

describe('uncertain words in the editor', () => {
  it('marks the word inside the text, drops the mark when it is retyped, and restores it with Esc', async () => {
    const archive = tempArchive();
    await importScans(archive, [samplePage(3, 'page.pdf')], { title: '文峪河报', date: '2018-10-19' });
    // A line of body text, and in it a word that occurs there once.
    const lines = archive.db
      .prepare('SELECT id, text FROM lines WHERE page_id = 1 ORDER BY position')
      .all() as { id: number; text: string }[];
    let chosen: { lineId: number; index: number; word: { id: number; text: string } } | null = null;
    for (const [index, line] of lines.entries()) {
      const words = archive.db
        .prepare('SELECT id, text FROM words WHERE line_id = ? ORDER BY position')
        .all(line.id) as { id: number; text: string }[];
      const word = words.find(
        (w, k) => k > 0 && w.text.trim().length >= 1 && line.text.split(w.text.trim()).length === 2,
      );
      if (line.text.length > 12 && word) {
        chosen = { lineId: line.id, index, word };
        break;
      }
    }
    expect(chosen).not.toBeNull();
    const { lineId, word } = chosen!;
    archive.db.prepare('UPDATE words SET confidence = 0.2 WHERE id = ?').run(word.id);
    const text = lines.find((l) => l.id === lineId)!.text;

    await withApp(browser(), archive, 'en-GB', async (page, url) => {
      await page.goto(`${url}#/page/1?line=${lineId}`);
      const marks = page.locator(`[data-marks-for="${lineId}"] mark`);
      await expect.poll(() => marks.allTextContents()).toEqual([word.text.trim()]);
      // The mark lies under the field, inside it, and under the word: as far in as the text before it.
      const input = page.locator(`input[data-line-id="${lineId}"]`);
      const field = (await input.boundingBox())!;
      const mark = (await marks.first().boundingBox())!;
      expect(mark.x).toBeGreaterThan(field.x);
      expect(mark.x + mark.width).toBeLessThanOrEqual(field.x + field.width);
      expect(Math.abs(mark.y + mark.height / 2 - (field.y + field.height / 2))).toBeLessThan(
        field.height / 2,
      );
      const before = text.slice(0, text.indexOf(word.text.trim()));
      const widthBefore = await input.evaluate((el, s) => {
        const { document, getComputedStyle } = globalThis as unknown as PageWindow;
        const ctx = document.createElement('canvas').getContext('2d')!;
        ctx.font = getComputedStyle(el).font;
        return ctx.measureText(s).width;
      }, before);
      const padding = await input.evaluate((el) => {
        const style = (globalThis as unknown as PageWindow).getComputedStyle(el);
        return parseFloat(style.paddingLeft) + parseFloat(style.borderLeftWidth);
      });
      expect(Math.abs(mark.x - (field.x + padding + widthBefore))).toBeLessThan(3);
      await page.screenshot({ path: path.join(SHOTS, 'uncertain-word-en.png') });

      // Retyped: the mark goes at once.
      await input.fill(text.replace(word.text.trim(), '〇'));
      await expect.poll(() => marks.count()).toBe(0);
      // Esc: back to the saved text, and the mark with it.
      await input.press('Escape');
      await expect.poll(() => input.inputValue()).toBe(text);
      await expect.poll(() => marks.allTextContents()).toEqual([word.text.trim()]);
    });
  });
});
