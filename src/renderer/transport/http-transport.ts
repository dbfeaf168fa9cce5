// The API contract over HTTP and server-sent events, for the app in a browser (backfile serve).

import type {
  ApiEvent,
  ApiInput,
  ApiMethod,
  ApiOutput,
  ApiReply,
  BackfileApi,
  ImportReport,
} from '../../shared/api/contract.ts';
import { unwrapReply } from '../../shared/api/api-error.ts';
import { errorText } from '../i18n/error-text.ts';
import { httpPageImageUrl } from './page-image-url.ts';

export function httpTransport(token: string): BackfileApi {
  // One event stream for every view, opened with the first and kept: a stream each would hold
  // one of the browser's six connections to the server apiece (the page's tiles queued behind
  // them), and a view opening as another closes would miss what happened in between.
  const listeners = new Set<(event: ApiEvent) => void>();
  let events: EventSource | null = null;
  return {
    async call<M extends ApiMethod>(method: M, input: ApiInput<M>): Promise<ApiOutput<M>> {
      const response = await fetch(`/api/${method}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-backfile-token': token },
        body: JSON.stringify(input),
      });
      return unwrapReply((await response.json()) as ApiReply<M>, errorText);
    },
    subscribe(listener: (event: ApiEvent) => void) {
      if (!events) {
        events = new EventSource(`/api/events?token=${encodeURIComponent(token)}`);
        events.onmessage = (message) => {
          const event = JSON.parse(message.data as string) as ApiEvent;
          for (const l of [...listeners]) l(event);
        };
        // What changed while the stream was away (it failed to connect or dropped: the server
        // busy or restarted, the machine asleep) was sent to nobody: when it opens again, the
        // views listening read again. Not on its first opening: every view has just read, and
        // reading it all again would be the full reload precise events exist to avoid.
        let away = false;
        events.onerror = () => {
          away = true;
        };
        events.onopen = () => {
          if (!away) return;
          away = false;
          for (const l of [...listeners]) l({ type: 'archive-changed' });
        };
      }
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
    async importDropped(files, metadata) {
      // One file a request, so a failure is that file's alone and the rest go on.
      const total: ImportReport = { imported: 0, duplicates: 0, failed: 0, pages: 0, failures: [] };
      for (const file of files) {
        const query = new URLSearchParams({ name: file.name, token });
        for (const [k, v] of Object.entries(metadata)) if (v) query.set(k, v);
        const response = await fetch(`/upload?${query.toString()}`, {
          method: 'POST',
          headers: { 'x-backfile-token': token, 'content-type': 'application/octet-stream' },
          body: file,
        });
        const reply = (await response.json()) as ApiReply<'importFiles'>;
        if (!reply.ok) {
          total.failed++;
          total.failures.push({ name: file.name, code: reply.error.code, message: errorText(reply.error) });
          continue;
        }
        total.imported += reply.value.imported;
        total.duplicates += reply.value.duplicates;
        total.failed += reply.value.failed;
        total.pages += reply.value.pages;
        total.failures.push(...reply.value.failures.map((f) => ({ ...f, name: file.name })));
      }
      return total;
    },
    lineImageUrl(lineId) {
      return `/lines/${lineId}/image?token=${encodeURIComponent(token)}`;
    },
    pageImageUrl: (pageId, kind) => httpPageImageUrl(token, pageId, kind),
    downloadUrl(name) {
      return `/downloads/${encodeURIComponent(name)}?token=${encodeURIComponent(token)}`;
    },
  };
}
