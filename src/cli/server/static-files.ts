// Serves the built renderer and the archive's page images; no path leaves its folder.

import { createReadStream } from 'node:fs';
import type { ServerResponse } from 'node:http';
import path from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.dzi': 'application/xml',
  '.woff2': 'font/woff2',
};

export { fileInside } from '../../core/service/page-images.ts';

/**
 * Streams a file. The head is written only once the file is open, so a file that cannot be
 * opened (gone, or too many open files: EMFILE under a burst of tile requests) is answered
 * with a status instead of an unhandled stream error that would end the server; an error
 * while reading ends that one response.
 */
export function sendFile(response: ServerResponse, file: string, headers: Record<string, string> = {}): void {
  const stream = createReadStream(file);
  stream.once('open', () => {
    response.writeHead(200, {
      'content-type': TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream',
      ...headers,
    });
    stream.pipe(response);
  });
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (response.headersSent) {
      response.destroy(error);
      return;
    }
    const busy = error.code === 'EMFILE' || error.code === 'ENFILE';
    response.writeHead(busy ? 503 : error.code === 'ENOENT' ? 404 : 500, {
      'content-type': 'text/plain; charset=utf-8',
      ...(busy ? { 'retry-after': '1' } : {}),
    });
    response.end(busy ? 'Busy: try again.' : 'Cannot read this file.');
  });
  response.once('close', () => stream.destroy());
}
