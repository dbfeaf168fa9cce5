// `backfile serve`: the app in a browser. Binds to 127.0.0.1 only, requires the per-run token,
// serves the built renderer, the API contract over HTTP (POST /api/<method>) and its events as
// server-sent events (GET /api/events), and the ZIPs exported for the browser to download
// (GET /downloads/<name>, each removed once it has been sent whole).

import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Archive } from '../../core/archive/archive.ts';
import type { PageImageKind } from '../../core/service/page-images.ts';
import { archiveId, preferredPort } from '../../core/archive/identity.ts';
import type { BackgroundOcr } from '../../core/service/background-ocr.ts';
import { createCore } from '../../core/service/core.ts';
import type { Rejection } from '../../core/service/dispatch.ts';
import type { ApiEvent } from '../../shared/api/contract.ts';
import { BackfileError, toErrorInfo } from '../../shared/errors.ts';
import { contentSecurityPolicy } from '../../shared/csp.ts';
import { createGuard } from './guard.ts';
import { receiveUpload } from './upload.ts';
import { fileInside, sendFile } from './static-files.ts';
import { servedCollection, servedImage, servedManifest } from '../../core/service/iiif-service.ts';

/** The HTTP status of a call that never reached its handler. */
const REJECTED_STATUS: Record<Rejection, number> = { caller: 403, method: 404, input: 400 };

const CONTENT_SECURITY_POLICY = contentSecurityPolicy();

export interface RunningServer {
  url: string;
  /** The IIIF collection of every issue, for a IIIF viewer. */
  iiif: string;
  token: string;
  port: number;
  server: Server;
  ocr: BackgroundOcr;
  close(): Promise<void>;
}

const MAX_BODY = 1 << 20;

async function readJson(request: IncomingMessage): Promise<unknown> {
  let size = 0;
  const chunks: Buffer[] = [];
  for await (const chunk of request) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY) throw new BackfileError('invalid-input', 'Request body too large.');
    chunks.push(chunk as Buffer);
  }
  const text = Buffer.concat(chunks).toString('utf8');
  try {
    return text ? JSON.parse(text) : {};
  } catch {
    throw new BackfileError('invalid-input', 'Request body is not JSON.');
  }
}

const safeDecode = (s: string) => {
  try {
    return decodeURIComponent(s);
  } catch {
    return null;
  }
};

/** IIIF's own media type for JSON-LD with the Presentation 3 profile. */
function sendIiifJson(response: ServerResponse, body: unknown): void {
  response.writeHead(200, {
    'content-type': 'application/ld+json;profile="http://iiif.io/api/presentation/3/context.json"',
    'cache-control': 'no-store',
  });
  response.end(JSON.stringify(body));
}

function sendJson(response: ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'cache-control': 'no-store',
  });
  response.end(JSON.stringify(body));
}

export async function startServer(
  archive: Archive,
  options: { port?: number; rendererDir: string; workers?: number },
): Promise<RunningServer> {
  const token = randomBytes(24).toString('base64url');
  const listeners = new Set<ServerResponse>();
  const emit = (event: ApiEvent) => {
    for (const response of listeners) response.write(`data: ${JSON.stringify(event)}\n\n`);
  };
  // Downloads wait in a folder of this run only, gone when the server closes.
  const downloads = mkdtempSync(path.join(os.tmpdir(), 'backfile-downloads-'));
  const core = createCore(archive, emit, { workers: options.workers, downloads });
  let port = 0;
  const guard = createGuard(token, () => port);

  const server = createServer(async (request, response) => {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    const published = /^\/iiif\/([^/]+)(\/.*)$/.exec(url.pathname);
    if (published && (request.method === 'GET' || request.method === 'HEAD'))
      return serveIiif(request, response, published[1]!, published[2]!);
    if (published && request.method === 'OPTIONS') {
      // The preflight Chromium sends before a page on a public https site may read from this
      // machine (Private Network Access): IIIF is for any viewer, and the token still guards it.
      response.writeHead(204, {
        'access-control-allow-origin': '*',
        'access-control-allow-methods': 'GET, HEAD',
        'access-control-allow-private-network': 'true',
        'access-control-max-age': '600',
      });
      return response.end();
    }
    const isApi =
      url.pathname.startsWith('/api/') ||
      url.pathname.startsWith('/pages/') ||
      url.pathname.startsWith('/lines/') ||
      url.pathname.startsWith('/downloads/') ||
      url.pathname === '/upload';
    const refused = guard.check(request, url, isApi);
    response.setHeader('x-content-type-options', 'nosniff');
    try {
      const isCall = url.pathname.startsWith('/api/') && url.pathname !== '/api/events';
      if (isCall && request.method === 'POST') {
        const input = refused ? null : await readJson(request);
        const { reply, rejected } = await core.dispatch(url.pathname.slice('/api/'.length), input, {
          transport: 'http',
          refused,
        });
        // A refusal from the archive is an answer (200), so the browser does not report it as
        // a broken resource; only a rejected request or an internal fault is not.
        const status = rejected
          ? REJECTED_STATUS[rejected]
          : !reply.ok && reply.error.code === 'internal'
            ? 500
            : 200;
        return sendJson(response, status, reply);
      }
      if (refused)
        return sendJson(response, 403, {
          ok: false,
          error: { code: 'forbidden', message: `Refused: ${refused}.` },
        });
      if (isCall)
        return sendJson(response, 405, { ok: false, error: { code: 'invalid-input', message: 'Use POST.' } });
      if (url.pathname === '/api/events' && request.method === 'GET') {
        response.writeHead(200, {
          'content-type': 'text/event-stream',
          'cache-control': 'no-store',
          connection: 'keep-alive',
        });
        response.write(': connected\n\n');
        listeners.add(response);
        request.on('close', () => listeners.delete(response));
        return;
      }
      if (url.pathname === '/upload' && request.method === 'POST') {
        const value = await receiveUpload(archive, request, url);
        emit({ type: 'archive-changed' });
        return sendJson(response, 200, { ok: true, value });
      }
      const lineMatch = /^\/lines\/(\d+)\/image$/.exec(url.pathname);
      if (lineMatch && request.method === 'GET') {
        const image = await core.lineImage(Number(lineMatch[1]));
        if (!image)
          return sendJson(response, 404, {
            ok: false,
            error: { code: 'not-found', message: 'No such line.' },
          });
        response.writeHead(200, { 'content-type': 'image/jpeg', 'cache-control': 'no-store' });
        return response.end(image);
      }
      const downloadMatch = /^\/downloads\/([\w.-]+\.zip)$/.exec(url.pathname);
      if (downloadMatch && request.method === 'GET') {
        const name = downloadMatch[1]!;
        const file = fileInside(downloads, name);
        if (!file)
          return sendJson(response, 404, {
            ok: false,
            error: { code: 'not-found', message: 'No such download; export it again.' },
          });
        response.once('finish', () => rmSync(file, { force: true }));
        return sendFile(response, file, {
          'content-type': 'application/zip',
          'content-disposition': `attachment; filename="${name}"`,
          'cache-control': 'no-store',
        });
      }
      const pageMatch = /^\/pages\/(\d+)\/(thumbnail|raster|tiles)(\/.*)?$/.exec(url.pathname);
      if (pageMatch && request.method === 'GET') {
        const file = core.pageImageFile(Number(pageMatch[1]), pageMatch[2] as PageImageKind, pageMatch[3]);
        if (!file)
          return sendJson(response, 404, {
            ok: false,
            error: { code: 'not-found', message: 'No such page image.' },
          });
        return sendFile(response, file, { 'cache-control': 'private, max-age=3600' });
      }
      if (request.method !== 'GET')
        return sendJson(response, 405, { ok: false, error: { code: 'invalid-input', message: 'Use GET.' } });
      const file =
        fileInside(options.rendererDir, url.pathname === '/' ? 'index.html' : url.pathname) ??
        fileInside(options.rendererDir, 'index.html');
      if (!file)
        return sendJson(response, 500, {
          ok: false,
          error: { code: 'internal', message: 'The app is not built; run "npm run build".' },
        });
      return sendFile(response, file, {
        'content-security-policy': CONTENT_SECURITY_POLICY,
        'cache-control': 'no-store',
      });
    } catch (error) {
      // Uploads and files: a refusal is an answer ({ ok: false }, 200); internal faults are 500.
      const info = toErrorInfo(error);
      return sendJson(response, info.code === 'internal' ? 500 : 200, { ok: false, error: info });
    }
  });
  /** IIIF for viewers: /iiif/<token>/collection.json, /iiif/<token>/issues/<id>/manifest.json and its images. */
  function serveIiif(request: IncomingMessage, response: ServerResponse, pathToken: string, rest: string) {
    const refused = guard.checkPublished(request, pathToken);
    // IIIF resources are read by viewers on other sites: the IIIF way is CORS open to all.
    response.setHeader('access-control-allow-origin', '*');
    response.setHeader('x-content-type-options', 'nosniff');
    if (refused)
      return sendJson(response, 403, {
        ok: false,
        error: { code: 'forbidden', message: `Refused: ${refused}.` },
      });
    const base = `http://${request.headers.host}/iiif/${pathToken}`;
    const notFound = () =>
      sendJson(response, 404, { ok: false, error: { code: 'not-found', message: 'No such IIIF resource.' } });
    try {
      if (rest === '/collection.json') return sendIiifJson(response, servedCollection(archive, base));
      const manifest = /^\/issues\/(\d+)\/manifest\.json$/.exec(rest);
      if (manifest) {
        const body = servedManifest(archive, Number(manifest[1]), base);
        return body ? sendIiifJson(response, body) : notFound();
      }
      const image = /^\/issues\/(\d+)\/([^/]+)$/.exec(rest);
      const name = image ? safeDecode(image[2]!) : null;
      const file = image && name !== null && servedImage(archive, Number(image[1]), name);
      return file ? sendFile(response, file, { 'cache-control': 'private, max-age=3600' }) : notFound();
    } catch (error) {
      const info = toErrorInfo(error);
      return sendJson(response, info.code === 'internal' ? 500 : 404, { ok: false, error: info });
    }
  }

  const listen = (at: number) =>
    new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(at, '127.0.0.1', () => {
        server.off('error', reject);
        resolve();
      });
    });
  if (options.port !== undefined) await listen(options.port);
  else
    // The archive's own port when it is free (the browser's storage for the app stays with it
    // from run to run), any free port otherwise.
    await listen(preferredPort(archiveId(archive.db))).catch(() => listen(0));
  port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}/?token=${token}`,
    iiif: `http://127.0.0.1:${port}/iiif/${token}/collection.json`,
    token,
    port,
    server,
    ocr: core.ocr,
    async close() {
      for (const response of listeners) response.end();
      await core.stop();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      rmSync(downloads, { recursive: true, force: true });
    },
  };
}
