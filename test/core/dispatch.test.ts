// The one request path: the same call gives the same answer over HTTP (the local server) and
// over the core's message port (what Electron's main uses to reach the core process), and the
// dispatch behind both checks the caller, the method and the input before any handler runs.

import { fork, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { importScans } from '../../src/core/import/importer.ts';
import { createCore } from '../../src/core/service/core.ts';
import { connectCore, type CoreClient } from '../../src/core/service/core-port.ts';
import { startServer, type RunningServer } from '../../src/cli/server/server.ts';
import type { ApiEvent } from '../../src/shared/api/contract.ts';
import { ApiError, unwrapReply } from '../../src/shared/api/api-error.ts';
import { REPO_ROOT } from '../fixtures/repo.ts';
import { writePng } from '../fixtures/scans.ts';
import { tempArchive, tempDir } from '../fixtures/temp.ts';

const CORE_PROCESS = path.join(REPO_ROOT, 'src/core/service/core-process.ts');
/** What Electron's utilityProcess starts: the bundle the global setup builds. */
const BUNDLED_CORE_PROCESS = path.join(REPO_ROOT, 'dist/main/core-process.mjs');
const BOX: [number, number][] = [
  [10, 10],
  [200, 10],
  [200, 60],
  [10, 60],
];
const trusted = { transport: 'port', refused: null } as const;

let server: RunningServer | null = null;
let child: ChildProcess | null = null;
afterEach(async () => {
  await server?.close();
  child?.kill();
  server = null;
  child = null;
});

async function archiveWithPage() {
  const archive = tempArchive();
  await importScans(archive, [await writePng(path.join(tempDir(), 'p.png'), 400, 500)]);
  return archive;
}

function coreProcess(folder: string, events: ApiEvent[], entry = CORE_PROCESS): CoreClient {
  child = fork(entry, [folder], { serialization: 'advanced', stdio: 'inherit' });
  const process = child;
  return connectCore(
    { post: (m) => process.send(m as never), listen: (l) => process.on('message', l) },
    (e) => events.push(e),
  );
}

async function overHttp(method: string, body: unknown) {
  const response = await fetch(`http://127.0.0.1:${server!.port}/api/${method}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-backfile-token': server!.token },
    body: JSON.stringify(body),
  });
  return { status: response.status, reply: (await response.json()) as unknown };
}

describe('dispatch', () => {
  it('rejects an unknown method, bad input and a refused caller before any handler runs', async () => {
    const archive = await archiveWithPage();
    const events: ApiEvent[] = [];
    const core = createCore(archive, (e) => events.push(e), { workers: 1 });
    expect((await core.dispatch('dropArchive', {}, trusted)).rejected).toBe('method');
    const bad = await core.dispatch('getPage', { pageId: 'one' }, trusted);
    expect(bad.rejected).toBe('input');
    expect(bad.reply).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    expect((bad.reply as { error: { message: string } }).error.message).toMatch(/pageId/);

    // A refused caller changes nothing, even with valid input for a command.
    const refused = await core.dispatch(
      'setPageStatus',
      { pageId: 1, status: 'in_correction' },
      { transport: 'ipc', refused: 'not our window' },
    );
    expect(refused.rejected).toBe('caller');
    expect(refused.reply).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    const page = await core.dispatch('getPage', { pageId: 1 }, trusted);
    // Not yet read: its language is auto, and nothing has read it.
    expect(page.reply).toMatchObject({
      ok: true,
      value: { status: 'imported', language: 'auto', readWith: null },
    });
    expect(events).toEqual([]);
    await core.stop();
  });

  it('tells the UI of a command, not of a query, and answers a refusal with its code', async () => {
    const archive = await archiveWithPage();
    const events: ApiEvent[] = [];
    const core = createCore(archive, (e) => events.push(e), { workers: 1 });
    await core.dispatch('listPages', {}, trusted);
    expect(events).toEqual([]);
    const drawn = await core.dispatch('createRegion', { pageId: 1, role: 'headline', polygon: BOX }, trusted);
    expect(drawn.reply.ok).toBe(true);
    // The event says what the command reached: this page's regions (and so its lines and articles).
    expect(events).toEqual([
      {
        type: 'archive-changed',
        reach: { pages: [1], parts: expect.arrayContaining(['regions', 'lines', 'articles']), lines: [] },
      },
    ]);
    const missing = await core.dispatch('getPage', { pageId: 999 }, trusted);
    expect(missing.rejected).toBeNull();
    expect(() => unwrapReply(missing.reply as never)).toThrow(ApiError);
    try {
      unwrapReply(missing.reply as never);
    } catch (error) {
      expect((error as ApiError).code).toBe('not-found');
      expect((error as ApiError).message).not.toMatch(/\[not-found\]/);
    }
    await core.stop();
  });
});

describe('the two transports', () => {
  it('give the same replies over HTTP and over the core process', async () => {
    const archive = await archiveWithPage();
    server = await startServer(archive, { rendererDir: tempDir(), workers: 1 });
    const events: ApiEvent[] = [];
    const port = coreProcess(archive.dir, events);

    const calls: [string, unknown][] = [
      ['listPages', {}],
      ['getPage', { pageId: 1 }],
      ['getPage', { pageId: 999 }],
      ['getPage', { pageId: -1 }],
      ['noSuchMethod', {}],
    ];
    for (const [method, input] of calls) {
      const viaHttp = await overHttp(method, input);
      const viaPort = await port.dispatch(method, input, trusted);
      expect(viaPort.reply, method).toEqual(viaHttp.reply);
    }
    expect((await overHttp('getPage', { pageId: -1 })).status).toBe(400);
    expect((await overHttp('noSuchMethod', {})).status).toBe(404);
    expect((await overHttp('getPage', { pageId: 999 })).status).toBe(200);

    // A command through the core process is seen by the other process (one archive on disk)
    // and its event comes back down the port.
    const drawn = await port.dispatch('createRegion', { pageId: 1, role: 'headline', polygon: BOX }, trusted);
    expect(drawn.reply.ok).toBe(true);
    expect(events).toContainEqual({
      type: 'archive-changed',
      reach: expect.objectContaining({ pages: [1] }),
    });
    const regions = (await overHttp('pageRegions', { pageId: 1 })).reply as { value: { role: string }[] };
    expect(regions.value.map((r) => r.role)).toEqual(['headline']);

    // Binary answers: the page's thumbnail file lies inside the archive; no path leaves it.
    const file = await port.pageImageFile(1, 'thumbnail');
    expect(file?.startsWith(archive.dir)).toBe(true);
    expect(await port.pageImageFile(1, 'tiles', '/../../archive.sqlite')).toBeNull();
    await port.stop();
  });
});

describe('the bundled core process', () => {
  it('opens an archive beside its migrations and answers as the source does', async () => {
    const archive = await archiveWithPage();
    const port = coreProcess(archive.dir, [], BUNDLED_CORE_PROCESS);
    const { reply } = await port.dispatch('listPages', {}, trusted);
    expect(reply).toMatchObject({ ok: true, value: [{ id: 1, width: 400, height: 500 }] });
    await port.stop();
  });
});
