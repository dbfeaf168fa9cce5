// Where the archive lives when no --archive is given: inside the platform's user-data folder,
// the same folder Electron's app.getPath('userData') gives for an app named Backfile, so the CLI,
// the browser mode and the desktop app open the same archive.

import os from 'node:os';
import path from 'node:path';

export const APP_NAME = 'Backfile';

export function userDataFolder(
  env: NodeJS.ProcessEnv = process.env,
  platform: NodeJS.Platform = process.platform,
): string {
  const home = os.homedir();
  if (platform === 'win32') return path.join(env.APPDATA ?? path.join(home, 'AppData', 'Roaming'), APP_NAME);
  if (platform === 'darwin') return path.join(home, 'Library', 'Application Support', APP_NAME);
  return path.join(env.XDG_CONFIG_HOME ?? path.join(home, '.config'), APP_NAME);
}

export function defaultArchiveFolder(
  env: NodeJS.ProcessEnv = process.env,
  platform: NodeJS.Platform = process.platform,
): string {
  return env.BACKFILE_ARCHIVE ?? path.join(userDataFolder(env, platform), 'Archive');
}
