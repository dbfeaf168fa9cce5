// What a command's event says it changed, read from the history through the real dispatch on a
// real archive: the page and the lines a correction reached, the regions a drawing reached, an
// undo's reach (an older change flipped), a deleted region found by its snapshot, and the plain
// event (anything may have changed) for a command that records no change.

import { describe, expect, it } from 'vitest';
import type { Archive } from '../../src/core/archive/archive.ts';
import { importScans } from '../../src/core/import/importer.ts';
import { createCore } from '../../src/core/service/core.ts';
import type { ApiEvent, ApiOutput } from '../../src/shared/api/contract.ts';
import { samplePage } from '../fixtures/samples.ts';
import { tempArchive } from '../fixtures/temp.ts';

const trusted = { transport: 'port', refused: null } as const;
const BOX: [number, number][] = [
  [10, 10],
  [300, 10],
  [300, 80],
  [10, 80],
];

async function twoPages(): Promise<Archive> {
  const archive = tempArchive();
  // Two pages with a text layer: lines to correct, nothing to read with OCR.
  await importScans(archive, [samplePage(1, 'page.pdf'), samplePage(2, 'page.pdf')]);
  return archive;
}

function lineIdsOf(archive: Archive, pageId: number): number[] {
  return archive.db
    .prepare('SELECT id FROM lines WHERE page_id = ? ORDER BY id')
    .pluck()
    .all(pageId) as number[];
}

describe('change events', () => {
  it('name the page and lines a correction reached, the parts a drawing reached, and an undo’s', async () => {
    const archive = await twoPages();
    const events: ApiEvent[] = [];
    const core = createCore(archive, (e) => events.push(e), { workers: 1 });
    const call = async <T>(method: string, input: unknown) => {
      const { reply } = await core.dispatch(method, input, trusted);
      if (!reply.ok) throw new Error(JSON.stringify(reply));
      return reply.value as T;
    };
    const [first, second] = lineIdsOf(archive, 2);

    // The first correction on a page also moves it to "in correction": its record and that line.
    await call('correctLine', { lineId: first, text: 'corrected once' });
    expect(events.at(-1)).toEqual({
      type: 'archive-changed',
      reach: { pages: [2], parts: expect.arrayContaining(['lines', 'page']), lines: [first] },
    });
    expect((events.at(-1) as { reach: { parts: string[] } }).reach.parts).toHaveLength(2);
    // The next correction reaches that line alone.
    await call('correctLine', { lineId: second, text: 'corrected twice' });
    expect(events.at(-1)).toEqual({
      type: 'archive-changed',
      reach: { pages: [2], parts: ['lines'], lines: [second] },
    });

    // A region drawn on page 1: its regions, and with them its lines and articles; no line by id.
    const { regionId } = await call<ApiOutput<'createRegion'>>('createRegion', {
      pageId: 1,
      role: 'headline',
      polygon: BOX,
    });
    expect(events.at(-1)).toEqual({
      type: 'archive-changed',
      reach: { pages: [1], parts: expect.arrayContaining(['regions', 'lines', 'articles']), lines: [] },
    });

    // Deleted, the region is gone from its table; its snapshot in the history still names page 1.
    await call('deleteRegion', { regionId });
    expect(events.at(-1)).toMatchObject({ type: 'archive-changed', reach: { pages: [1] } });

    // Undo on page 2 flips the older correction: the event names what that change reached.
    await call('undoLast', { pageId: 2 });
    expect(events.at(-1)).toEqual({
      type: 'archive-changed',
      reach: { pages: [2], parts: ['lines'], lines: [second] },
    });
    await core.stop();
  });

  it('say nothing precise of a command that records no change: anything may have changed', async () => {
    const archive = await twoPages();
    const events: ApiEvent[] = [];
    const core = createCore(archive, (e) => events.push(e), { workers: 1 });
    const [line] = lineIdsOf(archive, 1);
    const text = archive.db.prepare('SELECT text FROM lines WHERE id = ?').pluck().get(line) as string;
    // The same text again changes nothing and records nothing.
    await core.dispatch('correctLine', { lineId: line, text }, trusted);
    expect(events.at(-1)).toEqual({ type: 'archive-changed' });
    await core.stop();
  });
});
