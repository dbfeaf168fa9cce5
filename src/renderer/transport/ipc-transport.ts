// The API contract inside Electron, over the preload's bridge (window.backfile): its replies
// arrive as data and become values or ApiErrors here.

import { unwrapReply } from '../../shared/api/api-error.ts';
import { errorText } from '../i18n/error-text.ts';
import type { ApiReply, BackfileApi, BackfileBridge } from '../../shared/api/contract.ts';

export function ipcTransport(bridge: BackfileBridge): BackfileApi {
  return {
    async call(method, input) {
      return unwrapReply((await bridge.invoke(method, input)) as ApiReply<typeof method>, errorText);
    },
    subscribe: (listener) => bridge.subscribe(listener),
    async importDropped(files, metadata) {
      return unwrapReply(await bridge.importDropped(files, metadata), errorText);
    },
    lineImageUrl: (lineId) => bridge.lineImageUrl(lineId),
    pageImageUrl: (pageId, kind) => bridge.pageImageUrl(pageId, kind),
    pickFolder: () => bridge.pickFolder(),
  };
}
