// A search hit as the UI sees it: the line, where it is, and the hits marked with [ and ].

import type { Box } from './geometry.ts';

export interface SearchHit {
  lineId: number;
  pageId: number;
  title: string;
  date: string;
  sequence: number;
  text: string;
  marked: string;
  box: Box;
}
