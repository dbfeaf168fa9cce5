// Two kinds of database handle, told apart by type (as Signal Desktop does): a ReadableDB may
// only be given to functions that read, a WritableDB to any. The app's queries get the archive's
// read-only connection (archive.reader), so a read path that tries to write fails in SQLite as
// well as in the compiler.

import type Database from 'better-sqlite3';

declare const readable: unique symbol;
declare const writable: unique symbol;

export type ReadableDB = Database.Database & { readonly [readable]: true };
export type WritableDB = ReadableDB & { readonly [writable]: true };

/** The connection an archive opens for writing (archive.ts is the one place that brands it). */
export const asWritable = (db: Database.Database) => db as WritableDB;
/** A connection opened with { readonly: true }. */
export const asReadable = (db: Database.Database) => db as ReadableDB;
