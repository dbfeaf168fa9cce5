// The backfile command: batch work on an archive, and the local server (command-table.ts).

import { toErrorInfo } from '../shared/errors.ts';
import { COMMANDS, usageText } from './command-table.ts';

export async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    console.log(usageText());
    return name ? 0 : 2;
  }
  const command = COMMANDS.find((c) => c.name === name);
  if (!command) {
    console.error(`backfile: unknown command "${name}"\n\n${usageText()}`);
    return 2;
  }
  try {
    return await command.run(rest);
  } catch (error) {
    const info = toErrorInfo(error);
    console.error(`backfile ${name}: ${info.message}${info.code === 'internal' ? '' : ` [${info.code}]`}`);
    if (info.code === 'internal' && error instanceof Error && process.env.BACKFILE_DEBUG)
      console.error(error.stack);
    return 2;
  }
}

process.exitCode = await main(process.argv.slice(2));
