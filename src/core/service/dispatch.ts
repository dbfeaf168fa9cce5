// The one request path: every call from the UI, whichever transport carried it (Electron IPC,
// the local server's HTTP, the core process's message port), is checked, parsed against the
// contract, handled and answered here. The transports only move bytes and say who called.

import { API, isApiMethod, type ApiEvent, type ApiReply } from '../../shared/api/contract.ts';
import { toErrorInfo, type ErrorInfo } from '../../shared/errors.ts';
import type { Handlers } from './api-handlers.ts';

/** Who sent a call, as its transport established it. */
export interface Caller {
  transport: 'ipc' | 'http' | 'port';
  /** Why the transport does not trust this caller (foreign frame, wrong token), or null. */
  refused: string | null;
}

/** Why a call never reached its handler: a transport maps this to its own status. */
export type Rejection = 'caller' | 'method' | 'input';

export interface Dispatched {
  reply: ApiReply<never> | { ok: true; value: unknown };
  rejected: Rejection | null;
}

export type Dispatch = (method: string, input: unknown, caller: Caller) => Promise<Dispatched>;

const refuse = (rejected: Rejection, error: ErrorInfo): Dispatched => ({
  reply: { ok: false, error },
  rejected,
});

/** How a command's event says what it changed: a mark before it runs, the event after. */
export interface ChangeTracker {
  mark(): number;
  event(mark: number, value: unknown): ApiEvent;
}

const ANYTHING: ChangeTracker = { mark: () => 0, event: () => ({ type: 'archive-changed' }) };

export function createDispatch(
  handlers: Handlers,
  emit: (event: ApiEvent) => void,
  changes: ChangeTracker = ANYTHING,
): Dispatch {
  return async (method, input, caller) => {
    if (caller.refused !== null)
      return refuse('caller', { code: 'forbidden', message: `Refused: ${caller.refused}.` });
    if (!isApiMethod(method))
      return refuse('method', { code: 'not-found', message: `No API method ${method}.` });
    const parsed = API[method].input.safeParse(input);
    if (!parsed.success)
      return refuse('input', {
        code: 'invalid-input',
        message: parsed.error.issues.map((i) => `${i.path.join('.') || 'input'}: ${i.message}`).join('; '),
      });
    try {
      const command = API[method].kind === 'command';
      const mark = command ? changes.mark() : 0;
      const value = await (handlers[method] as (i: unknown) => unknown)(parsed.data);
      // Every window (and the library behind the page view) learns of every change, and of
      // what it reached.
      if (command) emit(changes.event(mark, value));
      return { reply: { ok: true, value }, rejected: null };
    } catch (error) {
      // A refusal from the archive ("needs a reason", "not an empty folder") is an answer, not
      // a failed request.
      return { reply: { ok: false, error: toErrorInfo(error) }, rejected: null };
    }
  };
}
