// The core process: opens the archive given as its one argument and answers the core port.
// Electron starts it with utilityProcess.fork (its end is process.parentPort); tests start it
// with child_process.fork and advanced serialisation (its end is process.send). Either way the
// window's thread never runs SQLite, an export or the OCR pool's coordinator.

import { openArchive } from '../archive/archive.ts';
import { createCore } from './core.ts';
import { eventsOverPort, serveCore, type Port } from './core-port.ts';

interface ParentPort {
  postMessage(message: unknown): void;
  on(event: 'message', listener: (event: { data: unknown }) => void): void;
}

function parentPort(): Port {
  const electron = (process as { parentPort?: ParentPort }).parentPort;
  if (electron)
    return {
      post: (m) => electron.postMessage(m),
      listen: (l) => electron.on('message', (e) => l(e.data)),
    };
  if (!process.send) throw new Error('The core process needs a parent to talk to.');
  return {
    post: (m) => process.send!(m),
    listen: (l) => process.on('message', l),
  };
}

const folder = process.argv[2];
if (!folder) throw new Error('Usage: core-process ARCHIVE_FOLDER');
const port = parentPort();
const archive = openArchive(folder);
const core = createCore(archive, eventsOverPort(port));
// After "stop" the archive is closed and the parent ends this process.
serveCore(port, core, () => archive.close());
