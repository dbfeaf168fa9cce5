// An article as readers get it, assembled from its regions (core/articles/assemble.ts).

export interface AssembledPhoto {
  photoId: number | null;
  regionId: number | null;
  pageId: number;
  caption: string | null;
}

export interface AssembledArticle {
  id: number;
  issueId: number;
  pages: number[];
  headline: string | null;
  kicker: string | null;
  subhead: string | null;
  byline: string | null;
  /** Where the byline is printed: above the body, or after it. */
  bylineAtEnd: boolean;
  dateline: string | null;
  section: string | null;
  paragraphs: string[];
  photos: AssembledPhoto[];
}
