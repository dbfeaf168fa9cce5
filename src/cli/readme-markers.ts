// Where the README's generated command table begins and ends.
export const README_TABLE_START =
  '<!-- commands: written by scripts/readme-commands.ts from src/cli/command-table.ts -->';
export const README_TABLE_END = '<!-- /commands -->';
