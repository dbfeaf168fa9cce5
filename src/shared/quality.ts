// Quality figures as the UI sees them (computed in core/review/quality.ts).

import type { PageStatus } from './model.ts';

export interface QualityFigures {
  lines: number;
  correctedLines: number;
  characters: number;
  /** Character and word error rate of the original text against the current text. */
  cer: number;
  wer: number;
  /** Mean word confidence (0..1) and share of words below LOW_CONFIDENCE; null without scores. */
  meanConfidence: number | null;
  lowConfidenceShare: number | null;
}

export interface PageQuality extends QualityFigures {
  pageId: number;
  title: string;
  date: string;
  sequence: number;
  status: PageStatus;
  statusReason: string | null;
  verified: boolean;
  needsAttention: boolean;
}

export interface QualitySummary extends QualityFigures {
  name: string;
  pages: number;
  verifiedPages: number;
  pagesNeedingAttention: number[];
}

export interface QualityReport {
  pages: PageQuality[];
  issues: QualitySummary[];
  titles: QualitySummary[];
}
