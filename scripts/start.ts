// npm start: build, then open the desktop app; where Electron's binary is not available (it is
// downloaded on first run, which needs the network), open the same app in the browser through
// the local server instead.

import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const built = spawnSync(process.execPath, ['scripts/build.ts'], { stdio: 'inherit' });
if (built.status !== 0) process.exit(built.status ?? 1);

function electronBinary(): string | null {
  try {
    const binary = require('electron') as unknown as string; // the binary's path, once downloaded
    return existsSync(binary) ? binary : null;
  } catch {
    return null;
  }
}

const args = process.argv.slice(2);
const electron = electronBinary();
const child = electron
  ? spawn(electron, ['.', ...args], { stdio: 'inherit' })
  : (console.error('Electron is not available here; opening Backfile in your browser instead.'),
    spawn(process.execPath, ['bin/backfile.js', 'serve', '--open', ...args], { stdio: 'inherit' }));
child.on('exit', (code) => process.exit(code ?? 0));
