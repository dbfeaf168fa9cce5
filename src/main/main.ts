// Electron main: a thin shell around the core, which runs in its own process (core-process.ts,
// started with utilityProcess) so SQLite, exports and the OCR pool never block the window. One
// window with contextIsolation, sandbox and no Node in the renderer; a strict CSP; navigation
// and new windows blocked; page images through the backfile:// protocol, which cannot leave the
// archive. Every IPC call goes to the core's one dispatch, refused unless it comes from our own
// top frame. This file and menu.ts are the only code that needs the Electron binary.

import { app, BrowserWindow, dialog, ipcMain, net, protocol, session, utilityProcess } from 'electron';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { defaultArchiveFolder } from '../core/archive/default-location.ts';
import { connectCore } from '../core/service/core-port.ts';
import { API, type ApiEvent } from '../shared/api/contract.ts';
import { EVENT_CHANNEL, PICK_FOLDER_CHANNEL, invokeChannel } from '../shared/api/channels.ts';
import { contentSecurityPolicy } from '../shared/csp.ts';
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
  const windows = new Set<BrowserWindow>();
  const emit = (event: ApiEvent) => windows.forEach((w) => w.webContents.send(EVENT_CHANNEL, event));
  const child = utilityProcess.fork(path.join(here, 'core-process.mjs'), [
    process.env.BACKFILE_ARCHIVE ?? defaultArchiveFolder(),
  ]);
  const core = connectCore(
    { post: (m) => child.postMessage(m), listen: (l) => child.on('message', l) },
    emit,
  );

  session.defaultSession.webRequest.onHeadersReceived((details, callback) =>
    callback({
      responseHeaders: {
        ...details.responseHeaders,
        'Content-Security-Policy': [contentSecurityPolicy(['backfile:'])],
      },
    }),
  );
  session.defaultSession.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));

  protocol.handle('backfile', async (request) => {
    const url = new URL(request.url);
    if (url.host === 'line') {
      const image = await core.lineImage(Number(url.pathname.slice(1)));
      return image
        ? new Response(new Uint8Array(image), { headers: { 'content-type': 'image/jpeg' } })
        : new Response('not found', { status: 404 });
    }
    const match = /^\/(\d+)\/(thumbnail|raster|tiles)(\/.*)?$/.exec(url.pathname);
    const file = match
      ? await core.pageImageFile(Number(match[1]), match[2] as 'thumbnail' | 'raster' | 'tiles', match[3])
      : null;
    return file ? net.fetch(pathToFileURL(file).href) : new Response('not found', { status: 404 });
  });

  installMenu(core);
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

  for (const method of Object.keys(API)) {
    ipcMain.handle(invokeChannel(method), async (event, input: unknown) => {
      const refused = isOwnFrame(event.senderFrame, window) ? null : 'not our window';
      return (await core.dispatch(method, input, { transport: 'ipc', refused })).reply;
    });
  }

  // The export dialog's "Choose…": the folder the user picks, or null; it takes no input.
  ipcMain.handle(PICK_FOLDER_CHANNEL, async (event) => {
    if (!isOwnFrame(event.senderFrame, window)) return null;
    const picked = await dialog.showOpenDialog(window, { properties: ['openDirectory', 'createDirectory'] });
    return picked.canceled ? null : (picked.filePaths[0] ?? null);
  });

  await window.loadFile(rendererIndex);
  app.on('window-all-closed', () => {
    void core.stop().finally(() => {
      child.kill();
      app.quit();
    });
  });
}

void main();
