// Exposes exactly the contract's calls and its event subscription as window.backfile; never
// ipcRenderer itself. Replies cross the context bridge as plain data ({ ok, value | error }):
// an Error thrown across it would lose its code, so the renderer's ipc-transport unwraps them.

import { contextBridge, ipcRenderer, webUtils } from 'electron';
import { API, type ApiEvent, type ApiMethod, type BackfileBridge } from '../shared/api/contract.ts';
import { EVENT_CHANNEL, PICK_FOLDER_CHANNEL, invokeChannel } from '../shared/api/channels.ts';

const bridge: BackfileBridge = {
  invoke(method, input) {
    if (!Object.hasOwn(API, method))
      return Promise.resolve({
        ok: false,
        error: { code: 'not-found', message: `No API method ${String(method)}.` },
      });
    return ipcRenderer.invoke(invokeChannel(method as ApiMethod), input);
  },
  subscribe(listener) {
    const handler = (_event: unknown, payload: ApiEvent) => listener(payload);
    ipcRenderer.on(EVENT_CHANNEL, handler);
    return () => ipcRenderer.off(EVENT_CHANNEL, handler);
  },
  importDropped(files, metadata) {
    // Inside Electron a dropped or picked file has a path on disk; the core imports it there.
    const paths = files.map((f) => webUtils.getPathForFile(f as File));
    return ipcRenderer.invoke(invokeChannel('importFiles'), { paths, ...metadata });
  },
  lineImageUrl(lineId) {
    return `backfile://line/${lineId}`;
  },
  pageImageUrl(pageId, kind) {
    return `backfile://page/${pageId}/${kind}`;
  },
  pickFolder() {
    return ipcRenderer.invoke(PICK_FOLDER_CHANNEL);
  },
};

contextBridge.exposeInMainWorld('backfile', bridge);
