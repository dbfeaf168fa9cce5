// Writes the README's command table from src/cli/command-table.ts (the one definition the usage
// text also comes from), then formats the README. test/cli/readme-commands.test.ts checks it.

import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { readmeTable } from '../src/cli/command-table.ts';
import { README_TABLE_START, README_TABLE_END } from '../src/cli/readme-markers.ts';

const readme = readFileSync('README.md', 'utf8');
const start = readme.indexOf(README_TABLE_START);
const end = readme.indexOf(README_TABLE_END);
if (start < 0 || end < start) throw new Error(`README.md lacks ${README_TABLE_START} … ${README_TABLE_END}`);
writeFileSync(
  'README.md',
  `${readme.slice(0, start + README_TABLE_START.length)}\n\n${readmeTable()}\n\n${readme.slice(end)}`,
);
execFileSync(process.execPath, ['node_modules/prettier/bin/prettier.cjs', '--write', 'README.md'], {
  stdio: 'inherit',
});
