// A stand-in for the `electron` module, so that the bundled main process (and its preload) can
// boot in plain Node where no Electron binary can be had. It records what the app asks of Electron
// (windows and their options, session handlers, the app:// protocol, IPC handlers, dialogs,
// printToPDF, the menu, the single-instance lock) and plays the renderer's part: a window that
// loads an app:// URL fetches it through the app's own protocol handler and runs the preload,
// whose `contextBridge` API the test then drives. The test talks to it over the child-process IPC
// channel (electron/electronMain.test.ts); see `commands` below.
'use strict';
const { EventEmitter } = require('node:events');
const { createHash } = require('node:crypto');

const record = {
  sandboxEnabled: false,
  privilegedSchemes: [],
  singleInstanceLockRequested: false,
  windows: [],
  menu: null,
  dialogs: [],
  prints: [],
  quit: false,
};
const app = new EventEmitter();
const ipcHandlers = new Map();
const rendererListeners = new Map();
const protocolHandlers = new Map();
const session = { onBeforeRequest: null, permissionRequest: null, permissionCheck: null };
const exposed = {};
let dialogAnswer = null;
let pageUrl = '';
const windows = [];

app.isPackaged = true;
app.enableSandbox = () => (record.sandboxEnabled = true);
app.requestSingleInstanceLock = () => {
  record.singleInstanceLockRequested = true;
  return process.env.STANDIN_LOCK !== 'taken';
};
app.quit = () => {
  record.quit = true;
  // Electron quits after the current task: so does the stand-in, telling the test first.
  setImmediate(() => process.send({ quit: record }, () => process.exit(0)));
};
app.whenReady = () => new Promise((resolve) => setImmediate(resolve));
app.getPath = (name) => {
  if (name !== 'userData') throw new Error(`stand-in: app.getPath(${name}) not expected`);
  return process.env.STANDIN_USER_DATA;
};
app.getAppPath = () => process.env.STANDIN_APP_PATH;

async function fetchFromApp(url) {
  const scheme = url.slice(0, url.indexOf(':'));
  const handler = protocolHandlers.get(scheme);
  if (!handler) throw new Error(`stand-in: no protocol handler for ${url}`);
  return handler(new Request(url));
}

class WebContents extends EventEmitter {
  constructor(win) {
    super();
    this.win = win;
  }
  setWindowOpenHandler(handler) {
    this.windowOpenHandler = handler;
  }
  send(channel, payload) {
    // What the main process pushes to the renderer goes to the test too.
    process.send({ channel, event: payload });
    for (const listener of rendererListeners.get(channel) ?? []) listener({}, payload);
  }
  async printToPDF(options) {
    const response = await fetchFromApp(this.win.url);
    const html = await response.text();
    const print = { url: this.win.url, status: response.status, options, windowOptions: this.win.options, htmlSha256: createHash('sha256').update(html).digest('hex'), htmlStart: html.slice(0, 200) };
    record.prints.push(print);
    return Buffer.from(`%PDF-1.7 stand-in ${print.htmlSha256}\n`);
  }
}

class BrowserWindow extends EventEmitter {
  constructor(options = {}) {
    super();
    this.options = options;
    this.url = null;
    this.calls = [];
    this.minimized = false;
    this.bounds = { x: options.x ?? 10, y: options.y ?? 20, width: options.width, height: options.height };
    this.webContents = new WebContents(this);
    record.windows.push({ options, calls: this.calls, urls: [] });
    this.index = record.windows.length - 1;
    windows.push(this);
    app.emit('web-contents-created', {}, this.webContents);
  }
  async loadURL(url) {
    this.url = url;
    record.windows[this.index].urls.push(url);
    const response = await fetchFromApp(url);
    record.windows[this.index].loaded = { status: response.status, csp: response.headers.get('content-security-policy') };
    if (response.status !== 200) throw new Error(`stand-in: ${url} answered ${response.status}`);
    if (this.options.webPreferences?.preload) {
      pageUrl = url;
      require(this.options.webPreferences.preload);
    }
    this.emit('ready-to-show');
  }
  show() { this.calls.push('show'); }
  maximize() { this.calls.push('maximize'); }
  isMaximized() { return false; }
  isMinimized() { return this.minimized; }
  restore() { this.calls.push('restore'); this.minimized = false; }
  focus() { this.calls.push('focus'); }
  getNormalBounds() { return this.bounds; }
  destroy() { this.calls.push('destroy'); }
}

const ipcMain = {
  handle(channel, handler) {
    if (ipcHandlers.has(channel)) throw new Error(`stand-in: a second handler for ${channel}`);
    ipcHandlers.set(channel, handler);
  },
  removeHandler(channel) {
    ipcHandlers.delete(channel);
  },
};

// The renderer's side: the preload runs in this process, and its invoke reaches ipcMain as
// Electron's would, from the page the window loaded.
const ipcRenderer = {
  invoke(channel, ...args) {
    const handler = ipcHandlers.get(channel);
    if (!handler) return Promise.reject(new Error(`No handler registered for '${channel}'`));
    return Promise.resolve(handler({ senderFrame: { url: pageUrl } }, ...args));
  },
  on(channel, listener) {
    if (!rendererListeners.has(channel)) rendererListeners.set(channel, new Set());
    rendererListeners.get(channel).add(listener);
  },
  removeListener(channel, listener) {
    rendererListeners.get(channel)?.delete(listener);
  },
};

module.exports = {
  app,
  BrowserWindow,
  ipcMain,
  ipcRenderer,
  contextBridge: { exposeInMainWorld: (name, api) => (exposed[name] = api) },
  dialog: {
    async showOpenDialog(win, options) {
      record.dialogs.push({ kind: 'open', options, parentIsWindow: win instanceof BrowserWindow });
      return dialogAnswer === null ? { canceled: true, filePaths: [] } : { canceled: false, filePaths: [dialogAnswer] };
    },
    async showSaveDialog(win, options) {
      record.dialogs.push({ kind: 'save', options, parentIsWindow: win instanceof BrowserWindow });
      return dialogAnswer === null ? { canceled: true } : { canceled: false, filePath: dialogAnswer };
    },
  },
  Menu: {
    buildFromTemplate: (template) => ({ template }),
    setApplicationMenu: (menu) => (record.menu = menu.template),
  },
  protocol: {
    registerSchemesAsPrivileged: (schemes) => record.privilegedSchemes.push(...schemes),
    handle: (scheme, handler) => protocolHandlers.set(scheme, handler),
  },
  screen: { getAllDisplays: () => [{ workArea: { x: 0, y: 0, width: 1920, height: 1040 } }] },
  session: {
    defaultSession: {
      webRequest: { onBeforeRequest: (handler) => (session.onBeforeRequest = handler) },
      setPermissionRequestHandler: (handler) => (session.permissionRequest = handler),
      setPermissionCheckHandler: (handler) => (session.permissionCheck = handler),
    },
  },
};

const mainWindow = () => windows.find((w) => w.options.webPreferences?.preload);

/** What the test can ask (each message has an `id`; the answer carries it back). */
const commands = {
  record: () => record,
  request: ({ method, args }) => exposed.matchlab.request(method, args),
  dialog: ({ kind, request }) => exposed.matchlab.dialogs[kind](request),
  answerDialogsWith: ({ answer }) => (dialogAnswer = answer),
  exposedShape: () => ({ names: Object.keys(exposed), transport: Object.keys(exposed.matchlab ?? {}), dialogs: Object.keys(exposed.matchlab?.dialogs ?? {}) }),
  invokeFrom: ({ url, channel, args }) => ipcHandlers.get(channel)({ senderFrame: { url } }, ...args),
  ipcChannels: () => [...ipcHandlers.keys()],
  fetch: async ({ url }) => {
    const response = await fetchFromApp(url);
    const body = await response.text();
    return { status: response.status, type: response.headers.get('content-type'), csp: response.headers.get('content-security-policy'), body: body.slice(0, 4000) };
  },
  webRequest: ({ url }) => new Promise((resolve) => session.onBeforeRequest({ url }, resolve)),
  permission: ({ permission }) => new Promise((resolve) => session.permissionRequest(null, permission, resolve)),
  permissionCheck: ({ permission }) => session.permissionCheck(null, permission),
  navigate: ({ url }) => {
    let prevented = false;
    mainWindow().webContents.emit('will-navigate', { preventDefault: () => (prevented = true) }, url);
    return { prevented };
  },
  attachWebview: () => {
    let prevented = false;
    mainWindow().webContents.emit('will-attach-webview', { preventDefault: () => (prevented = true) });
    return { prevented };
  },
  openWindow: ({ url }) => mainWindow().webContents.windowOpenHandler({ url }),
  secondInstance: ({ minimized }) => {
    const win = mainWindow();
    win.minimized = minimized;
    app.emit('second-instance', {}, ['matchlab'], process.cwd());
    return win.calls;
  },
  resizeAndClose: ({ bounds }) => {
    const win = mainWindow();
    win.bounds = bounds;
    win.emit('close', { preventDefault() {} });
    app.emit('window-all-closed');
    return true;
  },
};

process.on('message', async ({ id, command, ...args }) => {
  try {
    process.send({ id, ok: true, value: await commands[command](args) });
  } catch (err) {
    process.send({ id, ok: false, message: String(err && err.message) });
  }
});
