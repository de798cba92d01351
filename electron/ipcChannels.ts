// The IPC channels between the preload and the main process (electron/ipcAdapter.ts).
export const REQUEST_CHANNEL = 'matchlab:request';
export const EVENT_CHANNEL = 'matchlab:event';
export const DIALOG_CHANNEL = 'matchlab:dialog';
