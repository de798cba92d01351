// The Electron shell: one locked-down window on the built renderer, the service over IPC.
// Everything else (service, jobs, engine) is plain Node and runs without Electron.
import { app, BrowserWindow, ipcMain, session } from 'electron';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createService } from './service/service';
import { appUrlTest, EVENT_CHANNEL, registerIpcAdapter } from './ipcAdapter';

const here = fileURLToPath(new URL('.', import.meta.url));
const rendererIndex = join(here, '..', 'dist', 'renderer', 'index.html');
const isAppUrl = appUrlTest(pathToFileURL(join(here, '..', 'dist', 'renderer')).href);
const CSP = `default-src 'self'; img-src 'self' data: blob:; style-src 'self' 'unsafe-inline'; object-src 'none'; base-uri 'none'`;

app.enableSandbox();

app.whenReady().then(() => {
  // No network: every request that is not one of the app's own files is refused.
  session.defaultSession.webRequest.onBeforeRequest((details, callback) => {
    // blob: and data: URLs are the renderer's own downloads (e.g. a problems CSV) and images.
    const own = isAppUrl(details.url) || /^(blob|data|devtools):/.test(details.url);
    callback({ cancel: !own });
  });
  session.defaultSession.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [CSP] } });
  });
  session.defaultSession.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));

  const service = createService({ dataDir: join(app.getPath('userData'), 'stores') });
  const win = new BrowserWindow({
    width: 1360,
    height: 900,
    title: 'Matchlab',
    webPreferences: {
      preload: join(here, 'preload.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      spellcheck: false,
    },
  });
  win.webContents.setWindowOpenHandler(() => ({ action: 'deny' }));
  win.webContents.on('will-navigate', (event, url) => {
    if (!isAppUrl(url)) event.preventDefault();
  });
  const detach = registerIpcAdapter(ipcMain, service, (event) => win.webContents.send(EVENT_CHANNEL, event), isAppUrl);
  void win.loadFile(rendererIndex);

  app.on('window-all-closed', () => {
    detach();
    void service.close().then(() => app.quit());
  });
});
