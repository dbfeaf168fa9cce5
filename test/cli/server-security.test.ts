// The local server: loopback only, token required, other origins and hosts refused, no route
// reads outside the archive, and every API input checked against the contract.

import { request } from 'node:http';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { importScans } from '../../src/core/import/importer.ts';
import { startServer, type RunningServer } from '../../src/cli/server/server.ts';
import { archiveId, preferredPort } from '../../src/core/archive/identity.ts';
import { writePng } from '../fixtures/scans.ts';
import { tempArchive, tempDir } from '../fixtures/temp.ts';

let running: RunningServer | null = null;
afterEach(async () => {
  await running?.close();
  running = null;
});

function send(
  port: number,
  options: { method?: string; path: string; headers?: Record<string, string>; body?: string },
) {
  return new Promise<{ status: number; body: string }>((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port,
        method: options.method ?? 'GET',
        path: options.path,
        headers: options.headers,
      },
      (res) => {
        let body = '';
        res.on('data', (c) => (body += c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
      },
    );
    req.on('error', reject);
    req.end(options.body);
  });
}

async function serve() {
  const archive = tempArchive();
  await importScans(archive, [await writePng(path.join(tempDir(), 'p.png'), 600, 800)]);
  const rendererDir = tempDir();
  running = await startServer(archive, { rendererDir, workers: 1 });
  return { ...running, archive };
}

describe('the local server', () => {
  it('serves an archive on the same port every run (the browser keeps drafts per origin), with a new token', async () => {
    const { archive } = await serve();
    const first = running!;
    const [port, token] = [first.port, first.token];
    expect(port).toBe(preferredPort(archiveId(archive.db)));
    await first.close();
    running = await startServer(archive, { rendererDir: tempDir(), workers: 1 });
    expect(running.port).toBe(port);
    expect(running.token).not.toBe(token);
    // Taken by another program: any free port instead.
    const other = await startServer(archive, { rendererDir: tempDir(), workers: 1 });
    expect(other.port).not.toBe(port);
    await other.close();
  });

  it('listens on the loopback address only', async () => {
    const s = await serve();
    expect(s.server.address()).toMatchObject({ address: '127.0.0.1' });
  });

  it('answers API calls that carry the token', async () => {
    const s = await serve();
    const r = await send(s.port, {
      method: 'POST',
      path: '/api/listPages',
      headers: { 'x-backfile-token': s.token },
      body: '{}',
    });
    expect(r.status).toBe(200);
    expect(JSON.parse(r.body)).toMatchObject({ ok: true, value: [{ id: 1, width: 600, height: 800 }] });
  });

  it('refuses API calls and page images without the right token', async () => {
    const s = await serve();
    const attempts: Record<string, string>[] = [
      {},
      { 'x-backfile-token': 'wrong' },
      { 'x-backfile-token': s.token + 'x' },
    ];
    for (const headers of attempts) {
      const r = await send(s.port, { method: 'POST', path: '/api/listPages', headers, body: '{}' });
      expect(r.status).toBe(403);
    }
    expect((await send(s.port, { path: '/pages/1/thumbnail' })).status).toBe(403);
    expect((await send(s.port, { path: `/pages/1/thumbnail?token=${s.token}` })).status).toBe(200);
    expect((await send(s.port, { path: '/api/events' })).status).toBe(403);
    expect((await send(s.port, { path: '/lines/1/image' })).status).toBe(403);
    expect((await send(s.port, { path: '/upload?name=x.png', method: 'POST' })).status).toBe(403);
  });

  it('refuses other origins and other host names (DNS rebinding)', async () => {
    const s = await serve();
    const withToken = { 'x-backfile-token': s.token };
    expect(
      (
        await send(s.port, {
          method: 'POST',
          path: '/api/listPages',
          headers: { ...withToken, origin: 'http://evil.example' },
          body: '{}',
        })
      ).status,
    ).toBe(403);
    expect(
      (
        await send(s.port, {
          method: 'POST',
          path: '/api/listPages',
          headers: { ...withToken, host: `evil.example:${s.port}` },
          body: '{}',
        })
      ).status,
    ).toBe(403);
    expect(
      (
        await send(s.port, {
          method: 'POST',
          path: '/api/listPages',
          headers: { ...withToken, origin: `http://127.0.0.1:${s.port}` },
          body: '{}',
        })
      ).status,
    ).toBe(200);
  });

  it('serves no file outside the page folder or the app', async () => {
    const s = await serve();
    for (const p of [
      '/pages/1/tiles/../../../../archive.sqlite',
      '/pages/1/tiles/%2e%2e/%2e%2e/%2e%2e/%2e%2e/archive.sqlite',
      '/pages/1/tiles/..%2f..%2f..%2f..%2farchive.sqlite',
    ]) {
      const r = await send(s.port, { path: `${p}?token=${s.token}` });
      expect(r.body).not.toContain('SQLite format');
      expect(r.status).not.toBe(200);
    }
    const etc = await send(s.port, { path: '/..%2f..%2f..%2f..%2f..%2fetc/passwd' });
    expect(etc.body).not.toContain('root:');
  });

  it('checks every input against the contract', async () => {
    const s = await serve();
    const call = (method: string, body: string) =>
      send(s.port, {
        method: 'POST',
        path: `/api/${method}`,
        headers: { 'x-backfile-token': s.token },
        body,
      });
    expect(JSON.parse((await call('queueOcr', '{"pageIds":[]}')).body).error.code).toBe('invalid-input');
    expect(
      JSON.parse((await call('queueOcr', '{"pageIds":[1],"languages":"../../etc"}')).body).error.code,
    ).toBe('invalid-input');
    expect(JSON.parse((await call('pageLines', '{"pageId":"1; DROP TABLE pages"}')).body).error.code).toBe(
      'invalid-input',
    );
    expect(JSON.parse((await call('listPages', 'not json')).body).error.code).toBe('invalid-input');
    expect((await call('noSuchMethod', '{}')).status).toBe(404);
    expect(JSON.parse((await call('pageLines', '{"pageId":99}')).body).error.code).toBe('not-found');
  });
});
