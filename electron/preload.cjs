// Sandboxed preload: exposes exactly the api transport to the renderer, nothing of Node.
const { contextBridge, ipcRenderer } = require('electron');

const REQUEST_CHANNEL = 'matchlab:request';
const EVENT_CHANNEL = 'matchlab:event';

contextBridge.exposeInMainWorld('matchlab', {
  request: (method, args) => ipcRenderer.invoke(REQUEST_CHANNEL, String(method), args),
  subscribe: (listener) => {
    const wrapped = (_event, apiEvent) => listener(apiEvent);
    ipcRenderer.on(EVENT_CHANNEL, wrapped);
    return () => ipcRenderer.removeListener(EVENT_CHANNEL, wrapped);
  },
});
