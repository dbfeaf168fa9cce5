// Where a page's images are fetched from in a browser (`backfile serve`, the per-run token as a
// query) or inside Electron (the preload's backfile:// protocol). Apart from the transports, so
// that the page image can start before the rest of the app is loaded (page/early-image.ts).

import type { BackfileBridge } from '../../shared/api/contract.ts';

export type PageImageKind = Parameters<BackfileBridge['pageImageUrl']>[1];

/** The per-run token the local server gave the browser in the app's address. */
export function browserToken(): string {
  return new URLSearchParams(window.location.search).get('token') ?? '';
}

export function httpPageImageUrl(token: string, pageId: number, kind: PageImageKind): string {
  return `/pages/${pageId}/${kind}?token=${encodeURIComponent(token)}`;
}

/** The URL the running app's transport gives for this image. */
export function pageImageUrl(pageId: number, kind: PageImageKind): string {
  return window.backfile
    ? window.backfile.pageImageUrl(pageId, kind)
    : httpPageImageUrl(browserToken(), pageId, kind);
}
