// IPC channel names, one per contract method, shared by main and preload.
export const EVENT_CHANNEL = 'backfile:event';
export const invokeChannel = (method: string) => `backfile:call:${method}`;
