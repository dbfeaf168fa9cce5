// Who may talk to the local server: only this machine (it binds to loopback), only pages it
// served itself (Host and Origin checked, which also stops DNS rebinding), and only with the
// token printed when it started.

import { timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

export interface Guard {
  /** null when allowed, else the reason for refusing. */
  check(request: IncomingMessage, url: URL, needsToken: boolean): string | null;
  /**
   * For IIIF resources, which a viewer from any origin may load (IIIF is read across sites, so
   * the Origin is not checked): the Host still, and the token carried in the path.
   */
  checkPublished(request: IncomingMessage, pathToken: string): string | null;
}

export function createGuard(token: string, port: () => number): Guard {
  const expected = Buffer.from(token);
  const tokenMatches = (given: string | null | undefined) => {
    if (!given) return false;
    const b = Buffer.from(given);
    return b.length === expected.length && timingSafeEqual(b, expected);
  };
  const hosts = () => [`127.0.0.1:${port()}`, `localhost:${port()}`];
  return {
    checkPublished(request, pathToken) {
      if (!hosts().includes(request.headers.host ?? '')) return 'unknown host';
      return tokenMatches(pathToken) ? null : 'missing or wrong token';
    },
    check(request, url, needsToken) {
      const known = hosts();
      if (!known.includes(request.headers.host ?? '')) return 'unknown host';
      const origin = request.headers.origin;
      if (origin !== undefined && !known.map((h) => `http://${h}`).includes(origin)) return 'foreign origin';
      if (!needsToken) return null;
      const header = request.headers['x-backfile-token'];
      const given = typeof header === 'string' ? header : url.searchParams.get('token');
      return tokenMatches(given) ? null : 'missing or wrong token';
    },
  };
}
