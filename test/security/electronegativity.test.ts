// Electronegativity (Doyensec's Electron security scanner) on the Electron shell and the
// renderer's page: no high or medium findings. PRELOAD_JS_CHECK is excluded: it flags every
// preload for review, and ours exposes only the API contract's methods through contextBridge
// (src/preload/preload.ts), never ipcRenderer.

import { spawnSync } from 'node:child_process';
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../fixtures/repo.ts';
import { tempDir } from '../fixtures/temp.ts';

describe('Electron security', () => {
  const scan = (input: string): string[] => {
    const report = path.join(tempDir(), 'report.csv');
    const bin = path.join(REPO_ROOT, 'node_modules/.bin/electronegativity');
    const r = spawnSync(
      bin,
      ['-i', input, '-e', '45.0.0', '-r', '-v', 'false', '-x', 'PreloadJSCheck', '-o', report],
      {
        encoding: 'utf8',
        timeout: 240_000,
      },
    );
    expect(r.status, r.stderr).toBe(0);
    return readFileSync(report, 'utf8').trim().split('\n').slice(1);
  };
  const serious = (rows: string[]) => rows.filter((row) => /^[A-Z_]+,"(HIGH|MEDIUM)"/.test(row));

  it('has no high or medium Electronegativity findings', () => {
    const input = tempDir();
    cpSync(path.join(REPO_ROOT, 'src/main'), path.join(input, 'main'), { recursive: true });
    cpSync(path.join(REPO_ROOT, 'src/preload'), path.join(input, 'preload'), { recursive: true });
    cpSync(path.join(REPO_ROOT, 'src/renderer/index.html'), path.join(input, 'index.html'));
    expect(serious(scan(input))).toEqual([]);
  });

  it('does report an insecure window, so the clean result above means something', () => {
    const input = tempDir();
    writeFileSync(
      path.join(input, 'bad.ts'),
      "import { BrowserWindow } from 'electron';\nexport const w = new BrowserWindow({ webPreferences: { nodeIntegration: true, contextIsolation: false, sandbox: false } });\n",
    );
    expect(serious(scan(input)).length).toBeGreaterThan(2);
  });
});
