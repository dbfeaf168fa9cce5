// IPC channel names, one per contract method, shared by Electron main and the preload.
export const EVENT_CHANNEL = 'backfile:event';
export const invokeChannel = (method: string) => `backfile:call:${method}`;
