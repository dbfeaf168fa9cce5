// XML text and attribute escaping; characters XML 1.0 forbids are dropped.

import type { Polygon } from '../../../shared/geometry.ts';

export function xmlEscape(text: string): string {
  return text
    .replace(/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
}

/** Attributes from an object, skipping null and undefined values. */
export function attrs(values: Record<string, string | number | null | undefined>): string {
  return Object.entries(values)
    .filter(([, v]) => v !== null && v !== undefined)
    .map(([k, v]) => ` ${k}="${xmlEscape(String(v))}"`)
    .join('');
}

/** A polygon or polyline as PAGE and ALTO write points: "x1,y1 x2,y2", whole pixels, none negative. */
export function pointsText(polygon: Polygon): string {
  return polygon.map(([x, y]) => `${Math.max(0, Math.round(x))},${Math.max(0, Math.round(y))}`).join(' ');
}
