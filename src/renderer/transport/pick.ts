// IPC inside Electron (the preload exposes window.backfile), HTTP in a browser.

import type { BackfileApi, BackfileBridge } from '../../shared/api/contract.ts';
import { httpTransport } from './http-transport.ts';
import { ipcTransport } from './ipc-transport.ts';

declare global {
  interface Window {
    backfile?: BackfileBridge;
  }
}

export function pickTransport(): BackfileApi {
  if (window.backfile) return ipcTransport(window.backfile);
  const token = new URLSearchParams(window.location.search).get('token') ?? '';
  return httpTransport(token);
}
