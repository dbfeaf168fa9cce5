// The edit history as the UI sees it: changes made of field-level edits, with diffs.

import type { DiffSegment } from './text/diff.ts';

export type Entity = 'page' | 'region' | 'line' | 'word' | 'article' | 'photo';

export interface Edit {
  entity: Entity;
  entityId: number;
  field: string;
  before: string | null;
  after: string | null;
}

export interface VersionEdit extends Edit {
  diff: DiffSegment[];
}

export interface Version {
  changeId: number;
  label: string;
  user: string;
  at: string;
  undone: boolean;
  undoneAt: string | null;
  undoneBy: string | null;
  edits: VersionEdit[];
}

export interface LineHistory {
  lineId: number;
  pageId: number;
  /** The text as its source (OCR engine, PDF text layer, imported file) gave it, normalised. */
  original: string;
  source: string;
  current: string;
  versions: Version[];
}

export interface ArticleHistory {
  articleId: number;
  versions: Version[];
}

/** An article's parts as its history stores them (a JSON list of region ids); none if unreadable. */
export function partRegionIds(json: string | null): number[] {
  if (json === null) return [];
  try {
    const value: unknown = JSON.parse(json);
    return Array.isArray(value) ? value.filter((v): v is number => typeof v === 'number') : [];
  } catch {
    return [];
  }
}
