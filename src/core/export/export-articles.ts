// Article exports into a folder: one .txt or .md per article, one JSON file for everything, a CSV
// index, and photos as image files with their captions beside them.

import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Archive } from '../archive/archive.ts';
import { assembleArticle, type AssembledArticle } from '../articles/assemble.ts';
import { safeFileName } from './file-names.ts';
import { articleCsvRow, articlesCsv, articleToMarkdown, articleToText } from './article-formats.ts';
import type { ArticleFormat } from '../../shared/export.ts';
import { issueLabel } from '../archive/catalogue.ts';
import { photoImage } from '../archive/photo-rows.ts';
import { articleIds as allArticleIds } from '../archive/article-rows.ts';

interface IssueInfo {
  title: string;
  date: string;
}

const issueInfo = (archive: Archive, issueId: number): IssueInfo => issueLabel(archive.db, issueId)!;

function stem(a: AssembledArticle, issue: IssueInfo): string {
  return `${safeFileName(issue.title)}_${issue.date || 'undated'}_a${a.id}_${safeFileName(a.headline ?? 'untitled').slice(0, 40)}`;
}

function photoBytes(archive: Archive, photoId: number): Buffer {
  return photoImage(archive.db, photoId)!;
}

export function exportArticles(
  archive: Archive,
  format: ArticleFormat,
  outDir: string,
  articleIds?: readonly number[],
): string[] {
  mkdirSync(outDir, { recursive: true });
  const ids = articleIds ?? allArticleIds(archive.db);
  const articles = ids.map((id) => assembleArticle(archive.db, id));
  const written: string[] = [];
  const write = (name: string, content: string | Buffer) => {
    const file = path.join(outDir, name);
    writeFileSync(file, content);
    written.push(file);
  };
  if (format === 'json') {
    write(
      'articles.json',
      JSON.stringify(
        {
          schema: 'backfile-articles/1',
          articles: articles.map((a) => ({ ...a, ...issueInfo(archive, a.issueId) })),
        },
        null,
        2,
      ) + '\n',
    );
    return written;
  }
  if (format === 'csv') {
    write('articles.csv', articlesCsv(articles.map((a) => articleCsvRow(a, issueInfo(archive, a.issueId)))));
    return written;
  }
  for (const a of articles) {
    const base = stem(a, issueInfo(archive, a.issueId));
    const photoFile = (i: number) => (a.photos[i]?.photoId ? `${base}_photo${i + 1}.jpg` : null);
    if (format === 'txt') write(`${base}.txt`, articleToText(a));
    if (format === 'md') write(`${base}.md`, articleToMarkdown(a, photoFile));
    if (format === 'photos' || format === 'md') {
      a.photos.forEach((photo, i) => {
        if (!photo.photoId) return;
        write(photoFile(i)!, photoBytes(archive, photo.photoId));
        if (format === 'photos') write(`${base}_photo${i + 1}.txt`, (photo.caption ?? '') + '\n');
      });
    }
  }
  return written;
}
