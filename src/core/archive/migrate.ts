// Applies the numbered SQL files in migrations/ in order, each in a transaction that also sets
// PRAGMA user_version, so an archive is always at exactly one version. Versions only go up; an
// archive written by a newer Backfile is refused rather than misread.

import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import type { ReadableDB, WritableDB } from './db-handles.ts';
import { BackfileError } from '../../shared/errors.ts';

const MIGRATIONS_DIR = fileURLToPath(new URL('./migrations/', import.meta.url));

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

export function loadMigrations(dir: string = MIGRATIONS_DIR): Migration[] {
  const migrations = readdirSync(dir)
    .filter((name) => /^\d{3}-[\w-]+\.sql$/.test(name))
    .sort()
    .map((name) => ({
      version: Number(name.slice(0, 3)),
      name,
      sql: readFileSync(path.join(dir, name), 'utf8'),
    }));
  migrations.forEach((m, i) => {
    if (m.version !== i + 1) throw new Error(`migration ${m.name} is out of sequence (expected ${i + 1})`);
  });
  return migrations;
}

export function latestVersion(migrations: readonly Migration[] = loadMigrations()): number {
  return migrations.length;
}

/** The version an archive's schema is at. */
export function schemaVersion(db: ReadableDB): number {
  return db.pragma('user_version', { simple: true }) as number;
}

export function migrate(db: WritableDB, migrations: readonly Migration[] = loadMigrations()): number {
  const current = schemaVersion(db);
  const latest = latestVersion(migrations);
  if (current > latest) {
    throw new BackfileError(
      'archive-too-new',
      `This archive was written by a newer Backfile (archive version ${current}; this Backfile knows up to ${latest}). ` +
        'Open it with a newer Backfile; nothing was changed.',
    );
  }
  for (const m of migrations.filter((m) => m.version > current)) {
    db.transaction(() => {
      db.exec(m.sql);
      db.pragma(`user_version = ${m.version}`);
    }).immediate();
  }
  return latest;
}
