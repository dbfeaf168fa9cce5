// Who may talk to the local server: only this machine (it binds to loopback), only pages it
// served itself (Host and Origin checked, which also stops DNS rebinding), and only with the
// token printed when it started.

import { timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

export interface Guard {
  /** null when allowed, else the reason for refusing. */
  check(request: IncomingMessage, url: URL, needsToken: boolean): string | null;
}

export function createGuard(token: string, port: () => number): Guard {
  const expected = Buffer.from(token);
  const tokenMatches = (given: string | null | undefined) => {
    if (!given) return false;
    const b = Buffer.from(given);
    return b.length === expected.length && timingSafeEqual(b, expected);
  };
  return {
    check(request, url, needsToken) {
      const hosts = [`127.0.0.1:${port()}`, `localhost:${port()}`];
      if (!hosts.includes(request.headers.host ?? '')) return 'unknown host';
      const origin = request.headers.origin;
      if (origin !== undefined && !hosts.map((h) => `http://${h}`).includes(origin)) return 'foreign origin';
      if (!needsToken) return null;
      const header = request.headers['x-backfile-token'];
      const given = typeof header === 'string' ? header : url.searchParams.get('token');
      return tokenMatches(given) ? null : 'missing or wrong token';
    },
  };
}
