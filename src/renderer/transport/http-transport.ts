// The API contract over HTTP and server-sent events, for the app in a browser (backfile serve).

import type {
  ApiEvent,
  ApiInput,
  ApiMethod,
  ApiOutput,
  ApiReply,
  BackfileApi,
} from '../../shared/api/contract.ts';

export function httpTransport(token: string): BackfileApi {
  return {
    async call<M extends ApiMethod>(method: M, input: ApiInput<M>): Promise<ApiOutput<M>> {
      const response = await fetch(`/api/${method}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-backfile-token': token },
        body: JSON.stringify(input),
      });
      const reply = (await response.json()) as ApiReply<M>;
      if (!reply.ok) throw new Error(`${reply.error.message} [${reply.error.code}]`);
      return reply.value;
    },
    subscribe(listener: (event: ApiEvent) => void) {
      const source = new EventSource(`/api/events?token=${encodeURIComponent(token)}`);
      source.onmessage = (message) => listener(JSON.parse(message.data as string) as ApiEvent);
      return () => source.close();
    },
    pageImageUrl(pageId, kind) {
      return `/pages/${pageId}/${kind}?token=${encodeURIComponent(token)}`;
    },
  };
}
