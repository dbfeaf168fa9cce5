// The photos table: full-resolution crops stored in the archive beside their captions.

import type { ReadableDB, WritableDB } from './db-handles.ts';

export interface StoredPhoto {
  articleId: number;
  regionId: number;
  captionRegionId: number | null;
  caption: string | null;
  mediaType: string;
  width: number;
  height: number;
  image: Buffer;
}

/** Adds a photo after the article's others. */
export function insertPhoto(db: WritableDB, photo: StoredPhoto): number {
  const position =
    ((db.prepare('SELECT MAX(position) FROM photos WHERE article_id = ?').pluck().get(photo.articleId) as
      number | null) ?? -1) + 1;
  return Number(
    db
      .prepare(
        `INSERT INTO photos (article_id, position, region_id, caption_region_id, caption, media_type, width, height, image)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        photo.articleId,
        position,
        photo.regionId,
        photo.captionRegionId,
        photo.caption,
        photo.mediaType,
        photo.width,
        photo.height,
        photo.image,
      ).lastInsertRowid,
  );
}

export function articlePhotos(
  db: ReadableDB,
  articleId: number,
): { id: number; regionId: number | null; caption: string | null }[] {
  return (
    db
      .prepare('SELECT id, region_id, caption FROM photos WHERE article_id = ? ORDER BY position')
      .all(articleId) as {
      id: number;
      region_id: number | null;
      caption: string | null;
    }[]
  ).map((r) => ({ id: r.id, regionId: r.region_id, caption: r.caption }));
}

export function photoImage(db: ReadableDB, id: number): Buffer | undefined {
  return db.prepare('SELECT image FROM photos WHERE id = ?').pluck().get(id) as Buffer | undefined;
}

/** Photos follow their article when it is joined to the one it continues. */
export function movePhotos(db: WritableDB, fromArticle: number, toArticle: number): void {
  db.prepare('UPDATE photos SET article_id = ? WHERE article_id = ?').run(toArticle, fromArticle);
}

export function deletePhoto(db: WritableDB, id: number): void {
  db.prepare('DELETE FROM photos WHERE id = ?').run(id);
}
