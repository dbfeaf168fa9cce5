// npm start: build, then open the desktop app; where Electron's binary is not available (it is
// downloaded on first run, which needs the network), open the same app in the browser through
// the local server instead.

import { spawn, spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const built = spawnSync(process.execPath, ['scripts/build.ts'], { stdio: 'inherit' });
if (built.status !== 0) process.exit(built.status ?? 1);

let electronBinary: string | null = null;
try {
  electronBinary = require('electron') as unknown as string; // the path of the binary, once downloaded
  if (!(await import('node:fs')).existsSync(electronBinary)) electronBinary = null;
} catch {
  electronBinary = null;
}

const args = process.argv.slice(2);
const child = electronBinary
  ? spawn(electronBinary, ['.', ...args], { stdio: 'inherit' })
  : (console.error('Electron is not available here; opening Backfile in your browser instead.'),
    spawn(process.execPath, ['bin/backfile.js', 'serve', '--open', ...args], { stdio: 'inherit' }));
child.on('exit', (code) => process.exit(code ?? 0));
