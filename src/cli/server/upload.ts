// POST /upload?name=scan.tif&title=…&date=…&edition=…: one dropped file, its bytes as the body,
// saved under its own (sanitised) name in a private temporary folder, imported like any file
// (all or nothing, a specific reason when it fails), and the temporary copy removed. How a
// browser, which cannot give paths, hands files to the archive.

import { createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import type { IncomingMessage } from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { Transform } from 'node:stream';
import type { Archive } from '../../core/archive/archive.ts';
import { importScans } from '../../core/import/importer.ts';
import { toImportReport } from '../../core/import/import-report.ts';
import { API, type ImportReport } from '../../shared/api/contract.ts';
import { BackfileError } from '../../shared/errors.ts';
import { safeFileName } from '../../core/export/file-names.ts';

/** The largest file one upload takes: far above a 600-dpi broadsheet TIFF. */
export const MAX_UPLOAD_BYTES = 4 * 2 ** 30;

const metadataSchema = API.importFiles.input.omit({ paths: true });

export async function receiveUpload(
  archive: Archive,
  request: IncomingMessage,
  url: URL,
): Promise<ImportReport> {
  const name = url.searchParams.get('name') ?? '';
  const extension = path
    .extname(name)
    .toLowerCase()
    .replace(/[^.a-z0-9]/g, '');
  const stem = safeFileName(path.basename(name, path.extname(name)), 'scan');
  if (!name) throw new BackfileError('invalid-input', 'An upload names its file (?name=).');
  const parsed = metadataSchema.safeParse(
    Object.fromEntries(
      ['title', 'date', 'edition'].flatMap((k) =>
        url.searchParams.get(k) ? [[k, url.searchParams.get(k)]] : [],
      ),
    ),
  );
  if (!parsed.success)
    throw new BackfileError(
      'invalid-input',
      parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '),
    );
  const dir = await mkdtemp(path.join(os.tmpdir(), 'backfile-upload-'));
  try {
    const file = path.join(dir, `${stem}${extension}`);
    let size = 0;
    const limit = new Transform({
      transform(chunk: Buffer, _encoding, done) {
        size += chunk.length;
        if (size > MAX_UPLOAD_BYTES)
          done(new BackfileError('invalid-input', `${name} is larger than 4 GiB.`));
        else done(null, chunk);
      },
    });
    await pipeline(request, limit, createWriteStream(file));
    return toImportReport(await importScans(archive, [file], parsed.data));
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
