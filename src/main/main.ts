// Electron main: a thin shell around the core. One window with contextIsolation, sandbox and no
// Node in the renderer; a strict CSP; navigation and new windows blocked; page images through the
// backfile:// protocol, which cannot leave the archive; every IPC call parsed against the
// contract and refused unless it comes from our own top frame.

import { app, BrowserWindow, ipcMain, net, protocol, session } from 'electron';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { openArchive } from '../core/archive/archive.ts';
import { defaultArchiveFolder } from '../core/archive/default-location.ts';
import { pageImageFile, type PageImageKind } from '../core/service/page-images.ts';
import { createHandlers } from '../core/service/api-handlers.ts';
import { lineImage } from '../core/service/line-image.ts';
import { createOcrService } from '../core/service/ocr-background.ts';
import { API, type ApiEvent, type ApiMethod } from '../shared/api/contract.ts';
import { toErrorInfo } from '../shared/errors.ts';
import { CONTENT_SECURITY_POLICY } from '../cli/server/server.ts';
import { EVENT_CHANNEL, invokeChannel } from './channels.ts';
import { installMenu } from './menu.ts';
import { loadWindowState, rememberWindowState } from './window-state.ts';

protocol.registerSchemesAsPrivileged([{ scheme: 'backfile', privileges: { standard: true, secure: true } }]);

if (!app.requestSingleInstanceLock()) app.quit();

const here = path.dirname(fileURLToPath(import.meta.url)); // dist/main once bundled
const rendererIndex = path.join(here, '../renderer/index.html');

function isOwnFrame(frame: Electron.WebFrameMain | null, window: BrowserWindow): boolean {
  return (
    frame !== null &&
    frame === window.webContents.mainFrame &&
    frame.url.startsWith(pathToFileURL(rendererIndex).href)
  );
}

async function main(): Promise<void> {
  await app.whenReady();
  const archive = openArchive(process.env.BACKFILE_ARCHIVE ?? defaultArchiveFolder());
  const windows = new Set<BrowserWindow>();
  const emit = (event: ApiEvent) => windows.forEach((w) => w.webContents.send(EVENT_CHANNEL, event));
  const ocr = createOcrService(archive, emit);
  const handlers = createHandlers(archive, ocr);

  session.defaultSession.webRequest.onHeadersReceived((details, callback) =>
    callback({
      responseHeaders: {
        ...details.responseHeaders,
        'Content-Security-Policy': [
          CONTENT_SECURITY_POLICY.replace("img-src 'self'", "img-src 'self' backfile:").replace(
            "connect-src 'self'",
            "connect-src 'self' backfile:",
          ),
        ],
      },
    }),
  );
  session.defaultSession.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));

  protocol.handle('backfile', async (request) => {
    const url = new URL(request.url);
    if (url.host === 'line') {
      const image = await lineImage(archive, Number(url.pathname.slice(1)));
      return image
        ? new Response(new Uint8Array(image), { headers: { 'content-type': 'image/jpeg' } })
        : new Response('not found', { status: 404 });
    }
    const match = /^\/(\d+)\/(thumbnail|raster|tiles)(\/.*)?$/.exec(url.pathname);
    const file = match ? pageImageFile(archive, Number(match[1]), match[2] as PageImageKind, match[3]) : null;
    return file ? net.fetch(pathToFileURL(file).href) : new Response('not found', { status: 404 });
  });

  installMenu(archive, emit);
  const { maximized, ...bounds } = loadWindowState();
  const window = new BrowserWindow({
    ...bounds,
    webPreferences: {
      preload: path.join(here, '../preload/preload.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      // Middle-click would open links in new windows, around the window-open handler.
      disableBlinkFeatures: 'Auxclick',
    },
  });
  windows.add(window);
  if (maximized) window.maximize();
  rememberWindowState(window);
  // A second start of the app (single instance) brings this window forward instead.
  app.on('second-instance', () => {
    if (window.isMinimized()) window.restore();
    window.focus();
  });
  window.webContents.on('will-navigate', (event) => event.preventDefault());
  window.webContents.setWindowOpenHandler(() => ({ action: 'deny' }));

  for (const method of Object.keys(API) as ApiMethod[]) {
    ipcMain.handle(invokeChannel(method), async (event, input: unknown) => {
      if (!isOwnFrame(event.senderFrame, window))
        return { ok: false, error: { code: 'invalid-input', message: 'Refused: not our window.' } };
      const parsed = API[method].input.safeParse(input);
      if (!parsed.success)
        return { ok: false, error: { code: 'invalid-input', message: parsed.error.message } };
      try {
        const value = await (handlers[method] as (i: unknown) => unknown)(parsed.data);
        if (API[method].kind === 'command') emit({ type: 'archive-changed' });
        return { ok: true, value };
      } catch (error) {
        return { ok: false, error: toErrorInfo(error) };
      }
    });
  }

  await window.loadFile(rendererIndex);
  app.on('window-all-closed', () => {
    void ocr.pause().finally(() => {
      archive.close();
      app.quit();
    });
  });
}

void main();
