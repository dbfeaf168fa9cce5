// The core over a message port: the same calls as the local server's, as messages. Electron's
// main process talks to its core process this way (utilityProcess: process.parentPort on one
// side, the child's postMessage on the other); under plain Node a forked child with advanced
// serialisation is the same thing, which is how it is tested.

import type { ApiEvent } from '../../shared/api/contract.ts';
import type { Caller, Dispatched } from './dispatch.ts';
import type { Core } from './core.ts';
import type { PageImageKind } from './page-images.ts';

/** Either end of a message channel, whatever carries it. */
export interface Port {
  post(message: unknown): void;
  listen(listener: (message: unknown) => void): void;
}

type Ask =
  | { kind: 'call'; method: string; input: unknown; caller: Caller }
  | { kind: 'line-image'; lineId: number }
  | { kind: 'page-image'; pageId: number; image: PageImageKind; tilePath?: string }
  | { kind: 'stop' };
type Request = Ask & { id: number };

type Message = { id: number; result: unknown } | { id: number; failure: string } | { event: ApiEvent };

/** Answers requests arriving on `port` from `core`; `onStop` runs once the core has stopped. */
export function serveCore(port: Port, core: Core, onStop: () => void): void {
  port.listen(async (message) => {
    const request = message as Request;
    try {
      const result =
        request.kind === 'call'
          ? await core.dispatch(request.method, request.input, request.caller)
          : request.kind === 'line-image'
            ? await core.lineImage(request.lineId)
            : request.kind === 'page-image'
              ? core.pageImageFile(request.pageId, request.image, request.tilePath)
              : await core.stop();
      port.post({ id: request.id, result: result ?? null });
      if (request.kind === 'stop') onStop();
    } catch (error) {
      // dispatch answers every failure itself; this is a fault in the port's own work.
      port.post({ id: request.id, failure: error instanceof Error ? error.message : String(error) });
    }
  });
}

/** Sends the core's events down the same port. */
export function eventsOverPort(port: Port): (event: ApiEvent) => void {
  return (event) => port.post({ event });
}

export interface CoreClient {
  dispatch(method: string, input: unknown, caller: Caller): Promise<Dispatched>;
  lineImage(lineId: number): Promise<Uint8Array | null>;
  pageImageFile(pageId: number, kind: PageImageKind, tilePath?: string): Promise<string | null>;
  stop(): Promise<void>;
}

export function connectCore(port: Port, onEvent: (event: ApiEvent) => void): CoreClient {
  let next = 1;
  const waiting = new Map<number, { resolve(v: unknown): void; reject(e: Error): void }>();
  port.listen((message) => {
    const m = message as Message;
    if ('event' in m) return onEvent(m.event);
    const pending = waiting.get(m.id);
    if (!pending) return;
    waiting.delete(m.id);
    if ('failure' in m) pending.reject(new Error(m.failure));
    else pending.resolve(m.result);
  });
  const ask = <T>(request: Ask): Promise<T> =>
    new Promise((resolve, reject) => {
      const id = next++;
      waiting.set(id, { resolve: resolve as (v: unknown) => void, reject });
      port.post({ ...request, id });
    });
  return {
    dispatch: (method, input, caller) => ask({ kind: 'call', method, input, caller }),
    lineImage: (lineId) => ask({ kind: 'line-image', lineId }),
    pageImageFile: (pageId, image, tilePath) => ask({ kind: 'page-image', pageId, image, tilePath }),
    stop: () => ask({ kind: 'stop' }),
  };
}
