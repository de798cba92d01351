// The Electron shell: one locked-down window on the built renderer (served over app://), the
// service over IPC, the system's dialogs, menu and PDF printer. Everything else (service, jobs,
// engine) is plain Node and runs without Electron.
import { app, BrowserWindow, dialog, ipcMain, Menu, protocol, screen, session, type MenuItemConstructorOptions } from 'electron';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createService } from './service/service';
import { EVENT_CHANNEL, registerIpcAdapter } from './ipcAdapter';
import { APP_ORIGIN, APP_SCHEME, createAppProtocol, isAppUrl, type AppProtocol } from './shell/appProtocol';
import { appMenuTemplate } from './shell/appMenu';
import { MIN_WINDOW, readWindowState, writeWindowState } from './shell/windowState';

// Must precede `ready`: a standard, secure scheme gives the renderer a real origin for 'self' in
// its CSP, and fetch and storage work as on https.
protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } }]);
app.enableSandbox();

/** Prints a report in a hidden, script-less window of this process (the report has no script). */
function pdfPrinter(appProtocol: AppProtocol) {
  return async (html: string, outFile: string): Promise<void> => {
    const report = appProtocol.addReport(html);
    const win = new BrowserWindow({ show: false, webPreferences: { javascript: false, sandbox: true, contextIsolation: true, nodeIntegration: false } });
    try {
      await win.loadURL(report.url);
      await writeFile(outFile, await win.webContents.printToPDF({ printBackground: true, preferCSSPageSize: true }));
    } finally {
      report.remove();
      win.destroy();
    }
  };
}

function lockDownSession(): void {
  // No network: every request that is not for the app's own pages is refused. blob: and data: are
  // the renderer's own downloads (e.g. a problems CSV) and images.
  session.defaultSession.webRequest.onBeforeRequest((details, callback) => {
    callback({ cancel: !/^(app|blob|data|devtools):/.test(details.url) });
  });
  // No camera, location, notifications...: only writing to the clipboard, which the grids' copy uses.
  const allowed = (permission: string) => permission === 'clipboard-sanitized-write';
  session.defaultSession.setPermissionRequestHandler((_wc, permission, callback) => callback(allowed(permission)));
  session.defaultSession.setPermissionCheckHandler((_wc, permission) => allowed(permission));
  app.on('web-contents-created', (_event, contents) => {
    contents.setWindowOpenHandler(() => ({ action: 'deny' }));
    contents.on('will-navigate', (event, url) => {
      if (!isAppUrl(url)) event.preventDefault();
    });
    contents.on('will-attach-webview', (event) => event.preventDefault());
  });
}

function openWindow(): BrowserWindow {
  const stateFile = join(app.getPath('userData'), 'window-state.json');
  const state = readWindowState(stateFile, screen.getAllDisplays().map((d) => d.workArea));
  const win = new BrowserWindow({
    ...state,
    minWidth: MIN_WINDOW.width,
    minHeight: MIN_WINDOW.height,
    title: 'Matchlab',
    show: false,
    webPreferences: {
      preload: join(app.getAppPath(), 'dist', 'electron', 'preload.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      spellcheck: false,
    },
  });
  if (state.maximized) win.maximize();
  win.once('ready-to-show', () => win.show());
  win.on('close', () => writeWindowState(stateFile, win.getNormalBounds(), win.isMaximized()));
  return win;
}

function start(): void {
  let win: BrowserWindow | null = null;
  // A second launch focuses the first window: two processes never write one store.
  app.on('second-instance', () => {
    if (!win) return;
    if (win.isMinimized()) win.restore();
    win.focus();
  });

  void app.whenReady().then(() => {
    const appProtocol = createAppProtocol(join(app.getAppPath(), 'dist', 'renderer'));
    protocol.handle(APP_SCHEME, (request) => appProtocol.handle(request));
    lockDownSession();
    Menu.setApplicationMenu(Menu.buildFromTemplate(appMenuTemplate(process.platform, { developer: !app.isPackaged }) as MenuItemConstructorOptions[]));

    const service = createService({ dataDir: join(app.getPath('userData'), 'stores'), printPdf: pdfPrinter(appProtocol) });
    const mainWindow = openWindow();
    win = mainWindow;
    const detach = registerIpcAdapter(ipcMain, service, (event) => mainWindow.webContents.send(EVENT_CHANNEL, event), isAppUrl, {
      showOpenDialog: (options) => dialog.showOpenDialog(mainWindow, options as Electron.OpenDialogOptions),
      showSaveDialog: (options) => dialog.showSaveDialog(mainWindow, options as Electron.SaveDialogOptions),
    });
    void mainWindow.loadURL(`${APP_ORIGIN}/index.html`);

    app.on('window-all-closed', () => {
      detach();
      void service.close().then(() => app.quit());
    });
  });
}

if (app.requestSingleInstanceLock()) start();
else app.quit();
