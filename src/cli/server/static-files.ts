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

export function sendFile(response: ServerResponse, file: string, headers: Record<string, string> = {}): void {
  response.writeHead(200, {
    'content-type': TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream',
    ...headers,
  });
  createReadStream(file).pipe(response);
}
