import { existsSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { openArchive } from '../../src/core/archive/archive.ts';
import { latestVersion, loadMigrations } from '../../src/core/archive/migrate.ts';
import { defaultArchiveFolder } from '../../src/core/archive/default-location.ts';
import { tempDir } from '../fixtures/temp.ts';

describe('the archive', () => {
  it('is a folder with archive.sqlite and files/, at the latest schema version, in WAL mode with foreign keys', () => {
    const dir = path.join(tempDir(), 'a');
    const archive = openArchive(dir);
    try {
      expect(existsSync(path.join(dir, 'archive.sqlite'))).toBe(true);
      expect(existsSync(path.join(dir, 'files'))).toBe(true);
      expect(archive.db.pragma('user_version', { simple: true })).toBe(latestVersion());
      expect(archive.db.pragma('journal_mode', { simple: true })).toBe('wal');
      expect(archive.db.pragma('foreign_keys', { simple: true })).toBe(1);
    } finally {
      archive.close();
    }
  });

  it('uses STRICT tables, so a wrongly typed value is refused', () => {
    const archive = openArchive(path.join(tempDir(), 'a'));
    try {
      expect(() =>
        archive.db.prepare("INSERT INTO titles (name, created_at) VALUES (?, 'x')").run(Buffer.from('x')),
      ).toThrow(/cannot store BLOB value in TEXT column/);
      const tables = archive.db
        .prepare(
          "SELECT name, strict FROM pragma_table_list WHERE schema = 'main' AND type = 'table' AND name NOT LIKE 'sqlite_%'",
        )
        .all() as {
        name: string;
        strict: number;
      }[];
      expect(tables.length).toBeGreaterThan(10);
      expect(tables.filter((t) => t.strict !== 1)).toEqual([]);
    } finally {
      archive.close();
    }
  });

  it('covers the whole model: titles, issues, pages, regions, lines, words, articles, parts, photos, history, jobs', () => {
    const archive = openArchive(path.join(tempDir(), 'a'));
    try {
      const names = (
        archive.db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table'").all() as { name: string }[]
      ).map((r) => r.name);
      for (const table of [
        'titles',
        'issues',
        'files',
        'pages',
        'regions',
        'blocks',
        'lines',
        'words',
        'articles',
        'article_parts',
        'photos',
        'changes',
        'edits',
        'jobs',
        'text_sources',
      ]) {
        expect(names).toContain(table);
      }
    } finally {
      archive.close();
    }
  });

  it('opens again without re-running migrations and keeps the data', () => {
    const dir = path.join(tempDir(), 'a');
    const first = openArchive(dir);
    first.db.prepare("INSERT INTO titles (name, created_at) VALUES ('文峪河报', 'now')").run();
    first.close();
    const second = openArchive(dir);
    try {
      expect(second.db.prepare('SELECT name FROM titles').pluck().all()).toEqual(['文峪河报']);
    } finally {
      second.close();
    }
  });

  it('refuses an archive written by a newer Backfile, with a clear error, and leaves it untouched', () => {
    const dir = path.join(tempDir(), 'a');
    openArchive(dir).close();
    const db = new Database(path.join(dir, 'archive.sqlite'));
    db.pragma(`user_version = ${latestVersion() + 1}`);
    db.close();
    expect(() => openArchive(dir)).toThrow(/newer Backfile/);
    const check = new Database(path.join(dir, 'archive.sqlite'));
    expect(check.pragma('user_version', { simple: true })).toBe(latestVersion() + 1);
    check.close();
  });

  it('refuses to open a missing archive when asked not to create one', () => {
    expect(() => openArchive(path.join(tempDir(), 'none'), { create: false })).toThrow(/No Backfile archive/);
  });

  it("gives the app's queries a connection that cannot write, and that sees what was written", () => {
    const archive = openArchive(path.join(tempDir(), 'r'));
    try {
      archive.db.prepare("INSERT INTO settings (key, value) VALUES ('probe', 'written')").run();
      expect(archive.reader.prepare("SELECT value FROM settings WHERE key = 'probe'").pluck().get()).toBe(
        'written',
      );
      expect(() => archive.reader.prepare("DELETE FROM settings WHERE key = 'probe'").run()).toThrow(
        /readonly/,
      );
    } finally {
      archive.close();
    }
  });

  it('refuses paths that leave the archive folder', () => {
    const archive = openArchive(path.join(tempDir(), 'a'));
    try {
      expect(() => archive.resolve('../outside.txt')).toThrow(/outside the archive/);
      expect(() => archive.resolve('/etc/passwd')).toThrow(/outside the archive/);
      expect(archive.resolve('files/x')).toBe(path.join(archive.dir, 'files', 'x'));
    } finally {
      archive.close();
    }
  });

  it('refuses migrations with a gap in their numbers', () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, '001-first.sql'), 'CREATE TABLE a (x INTEGER) STRICT;');
    writeFileSync(path.join(dir, '003-third.sql'), 'CREATE TABLE c (x INTEGER) STRICT;');
    expect(() => loadMigrations(dir)).toThrow(/003-third\.sql is out of sequence \(expected 2\)/);
  });

  it('defaults to the platform user-data folder Electron uses', () => {
    expect(defaultArchiveFolder({ HOME: '/home/a', XDG_CONFIG_HOME: '/x' }, 'linux')).toBe(
      '/x/Backfile/Archive',
    );
    expect(defaultArchiveFolder({ BACKFILE_ARCHIVE: '/data/arch' }, 'linux')).toBe('/data/arch');
    expect(defaultArchiveFolder({ APPDATA: 'C:\\Users\\a\\AppData\\Roaming' }, 'win32')).toContain(
      'Backfile',
    );
  });
});
