// The command line is described once (src/cli/command-table.ts): the usage text and the README's
// table come from it, and every command it names runs.

import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { COMMANDS, usageText } from '../../src/cli/command-table.ts';
import { README_TABLE_END, README_TABLE_START } from '../../src/cli/readme-markers.ts';
import { runCli } from '../fixtures/cli.ts';
import { REPO_ROOT } from '../fixtures/repo.ts';

const rowCells = (row: string) =>
  row
    .trim()
    .replace(/^\||\|$/g, '')
    .split(/(?<!\\)\|/)
    .map((c) => c.trim());

describe('the command table', () => {
  it('is what the README shows (run scripts/readme-commands.ts after changing it)', () => {
    const readme = readFileSync(path.join(REPO_ROOT, 'README.md'), 'utf8');
    const table = readme.slice(readme.indexOf(README_TABLE_START), readme.indexOf(README_TABLE_END));
    const rows = table.split('\n').filter((l) => l.startsWith('| `backfile'));
    expect(rows.map(rowCells)).toEqual(
      COMMANDS.map((c) => [
        `\`backfile ${c.name} ${c.synopsis}\``.replaceAll('|', '\\|'),
        c.does.replaceAll('|', '\\|'),
      ]),
    );
  });

  it('is the usage text; a name not in it is refused', () => {
    const help = runCli(['--help']);
    expect(help.status).toBe(0);
    expect(help.stdout).toBe(usageText() + '\n');
    for (const c of COMMANDS) expect(help.stdout).toContain(`  ${c.name} `);
    const unknown = runCli(['no-such-command']);
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toMatch(/unknown command "no-such-command"/);
  });
});
