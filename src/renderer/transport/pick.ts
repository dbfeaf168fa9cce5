// IPC inside Electron (the preload exposes window.backfile), HTTP in a browser.

import type { BackfileApi, BackfileBridge } from '../../shared/api/contract.ts';
import { httpTransport } from './http-transport.ts';
import { ipcTransport } from './ipc-transport.ts';
import { browserToken } from './page-image-url.ts';

declare global {
  interface Window {
    backfile?: BackfileBridge;
  }
}

export function pickTransport(): BackfileApi {
  if (window.backfile) return ipcTransport(window.backfile);
  return httpTransport(browserToken());
}
