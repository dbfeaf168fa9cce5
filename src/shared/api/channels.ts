// IPC channel names, one per contract method, shared by Electron main and the preload.
export const EVENT_CHANNEL = 'backfile:event';
/** The system's folder picker, for the export dialog: the one call that is not the core's. */
export const PICK_FOLDER_CHANNEL = 'backfile:pick-folder';
export const invokeChannel = (method: string) => `backfile:call:${method}`;
