// IPC inside Electron (the preload exposes window.backfile), HTTP in a browser.

import type { BackfileApi } from '../../shared/api/contract.ts';
import { httpTransport } from './http-transport.ts';

declare global {
  interface Window {
    backfile?: BackfileApi;
  }
}

export function pickTransport(): BackfileApi {
  if (window.backfile) return window.backfile;
  const token = new URLSearchParams(window.location.search).get('token') ?? '';
  return httpTransport(token);
}
