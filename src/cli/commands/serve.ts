// backfile serve: the app in a browser, on 127.0.0.1 only, with a per-run token.

import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { openArchive } from '../../core/archive/archive.ts';
import { ARCHIVE_OPTION, archiveFolder, check, parse } from '../args.ts';
import { startServer } from '../server/server.ts';

export const RENDERER_DIR = fileURLToPath(new URL('../../../dist/renderer/', import.meta.url));

function openBrowser(url: string): void {
  const command =
    process.platform === 'darwin' ? 'open' : process.platform === 'win32' ? 'explorer' : 'xdg-open';
  spawn(command, [url], { detached: true, stdio: 'ignore' })
    .on('error', () => {})
    .unref();
}

export async function serveCommand(argv: string[]): Promise<number> {
  const { values } = parse(argv, {
    ...ARCHIVE_OPTION,
    port: { type: 'string' },
    open: { type: 'boolean', default: false },
  });
  const port =
    values.port === undefined
      ? undefined
      : check(z.coerce.number().int().min(0).max(65535), values.port, '--port');
  if (!existsSync(path.join(RENDERER_DIR, 'index.html'))) {
    // The API still serves (scripts and tests use it); the page says how to build the app.
    console.error(
      'The app is not built yet: run "npm run build" (npm start does it for you). Serving the API only.',
    );
  }
  const archive = openArchive(archiveFolder(values.archive));
  const running = await startServer(archive, { port, rendererDir: RENDERER_DIR });
  console.log(`Backfile is serving ${archive.dir}`);
  console.log(`Open ${running.url}`);
  console.log(`IIIF (for a IIIF viewer, e.g. Mirador): ${running.iiif}`);
  if (values.open) openBrowser(running.url);
  await new Promise<void>((resolve) => {
    process.once('SIGINT', resolve);
    process.once('SIGTERM', resolve);
  });
  await running.close();
  archive.close();
  return 0;
}
