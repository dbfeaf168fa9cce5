// Exposes exactly the contract's methods and its event subscription as window.backfile; never
// ipcRenderer itself.

import { contextBridge, ipcRenderer, webUtils } from 'electron';
import { API, type ApiEvent, type ApiMethod, type BackfileApi } from '../shared/api/contract.ts';
import { EVENT_CHANNEL, invokeChannel } from '../main/channels.ts';

const api: BackfileApi = {
  async call(method, input) {
    if (!Object.hasOwn(API, method)) throw new Error(`No API method ${String(method)}`);
    const reply = await ipcRenderer.invoke(invokeChannel(method as ApiMethod), input);
    if (!reply.ok) throw new Error(`${reply.error.message} [${reply.error.code}]`);
    return reply.value;
  },
  subscribe(listener) {
    const handler = (_event: unknown, payload: ApiEvent) => listener(payload);
    ipcRenderer.on(EVENT_CHANNEL, handler);
    return () => ipcRenderer.off(EVENT_CHANNEL, handler);
  },
  async importDropped(files, metadata) {
    // Inside Electron a dropped or picked file has a path on disk; the core imports it there.
    const paths = files.map((f) => webUtils.getPathForFile(f as File));
    return api.call('importFiles', { paths, ...metadata });
  },
  lineImageUrl(lineId) {
    return `backfile://line/${lineId}`;
  },
  pageImageUrl(pageId, kind) {
    return `backfile://page/${pageId}/${kind}`;
  },
};

contextBridge.exposeInMainWorld('backfile', api);
