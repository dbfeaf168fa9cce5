// The local user name that the history records for every change. Set once per archive
// (`backfile user NAME`); until then the operating system's account name stands in.

import os from 'node:os';
import type { WritableDB } from './db-handles.ts';
import { BackfileError } from '../../shared/errors.ts';

const KEY = 'user_name';

export function localUser(db: WritableDB): string {
  const name = db.prepare('SELECT value FROM settings WHERE key = ?').pluck().get(KEY) as string | undefined;
  return name ?? os.userInfo().username;
}

export function setLocalUser(db: WritableDB, name: string): string {
  const trimmed = name.normalize('NFC').trim();
  if (!trimmed || trimmed.length > 100 || /\p{Cc}/u.test(trimmed))
    throw new BackfileError('invalid-input', 'A user name is 1 to 100 printable characters.');
  db.prepare(
    'INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
  ).run(KEY, trimmed);
  return trimmed;
}
