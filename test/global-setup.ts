// Once per test run: build the renderer (and the Electron bundles) that the end-to-end tests
// serve, so parallel test files never build into the same folder at once.

import { execFileSync } from 'node:child_process';
import path from 'node:path';

export default function setup(): void {
  const root = path.resolve(import.meta.dirname, '..');
  execFileSync(process.execPath, ['scripts/build.ts'], { cwd: root, stdio: 'inherit' });
}
