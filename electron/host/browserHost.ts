// The browser adapter: serves the built renderer and the api over loopback HTTP + WebSocket.
// It exists so the whole app runs (and is tested) in a plain browser where no Electron binary
// can be had. Only 127.0.0.1 is listened on, and only requests naming this very host (Host, and
// Origin when a browser sends one) are answered, so a DNS-rebinding site cannot reach it.
//
// Authentication uses no cookie (cookies are shared by every port of 127.0.0.1, so any other local
// server would receive it). The host mints one-time launch codes; the address it opens carries
// one in its fragment (#launch=..., never sent in a request line). The page takes it out of the
// address at once and exchanges it (POST /session, in a header) for a session token that the page
// keeps and sends in a header on every api call, and in the WebSocket's subprotocol list. The
// renderer's files themselves are public code and are served to any request for this host.
//
// Nothing a request sends may throw out of a handler: a malformed target, escape, header, body or
// WebSocket frame gets a 4xx answer and the host goes on serving (an import may be running).
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { createReadStream, statSync } from 'node:fs';
import { join, normalize, resolve, sep } from 'node:path';
import type { AddressInfo, Socket } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';
import type { Service } from '../service/service';
import { contentSecurityPolicy } from '../contentSecurityPolicy';
import { servedFileHeaders } from '../servedFileHeaders';

const MAX_BODY_BYTES = 1_000_000;
/** A launch code not used within this time is void: press Enter in the host's window for another. */
const LAUNCH_CODE_MS = 10 * 60_000;
const MAX_OPEN_LAUNCH_CODES = 16;
export const TOKEN_HEADER = 'x-matchlab-token';
export const LAUNCH_HEADER = 'x-matchlab-launch';
/** The WebSocket subprotocol the page offers, with its token as a second one (browsers cannot set headers there). */
export const EVENTS_PROTOCOL = 'matchlab-events';
export const TOKEN_PROTOCOL_PREFIX = 'matchlab-token.';

export interface BrowserHostOptions {
  service: Service;
  /** The built renderer (vite's output). */
  staticDir: string;
  port?: number;
  /** Told when a launch code has been exchanged (so that whatever carried it can be removed). */
  onLaunchCodeUsed?: (code: string) => void;
}

export interface BrowserHost {
  port: number;
  /** A fresh address to open, carrying a new one-time launch code. */
  launchUrl(): string;
  close(): Promise<void>;
}

function sameSecret(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/** The path of a request target, or null when the target is not an origin-form path. */
function targetPath(target: string | undefined): string | null {
  if (!target || !target.startsWith('/') || target.startsWith('//')) return null;
  const end = target.search(/[?#]/);
  return end === -1 ? target : target.slice(0, end);
}

function decodedPath(pathname: string): string | null {
  try {
    return decodeURIComponent(pathname);
  } catch {
    return null;
  }
}

export async function startBrowserHost(options: BrowserHostOptions): Promise<BrowserHost> {
  const staticDir = resolve(options.staticDir);
  const sessions = new Set<string>();
  const launchCodes = new Map<string, number>();
  const server = createServer({ headersTimeout: 15_000, requestTimeout: 60_000 });
  const wss = new WebSocketServer({
    noServer: true,
    maxPayload: 64 * 1024,
    handleProtocols: (protocols) => (protocols.has(EVENTS_PROTOCOL) ? EVENTS_PROTOCOL : false),
  });
  await new Promise<void>((ok, fail) => {
    server.once('error', fail);
    server.listen(options.port ?? 0, '127.0.0.1', () => ok());
  });
  const port = (server.address() as AddressInfo).port;
  const allowedHosts = new Set([`127.0.0.1:${port}`, `localhost:${port}`]);
  const allowedOrigins = new Set([...allowedHosts].map((h) => `http://${h}`));
  const csp = contentSecurityPolicy([`ws://127.0.0.1:${port}`, `ws://localhost:${port}`]);

  function foreign(req: IncomingMessage): string | null {
    if (!allowedHosts.has(req.headers.host ?? '')) return 'foreign Host';
    const origin = req.headers.origin;
    if (origin !== undefined && !allowedOrigins.has(origin)) return 'foreign Origin';
    return null;
  }

  function hasSession(token: string | undefined): boolean {
    if (typeof token !== 'string' || token.length === 0) return false;
    for (const t of sessions) if (sameSecret(token, t)) return true;
    return false;
  }

  function takeLaunchCode(code: string | undefined): boolean {
    if (typeof code !== 'string') return false;
    const now = Date.now();
    for (const [c, issued] of launchCodes) {
      if (now - issued > LAUNCH_CODE_MS) launchCodes.delete(c);
      else if (sameSecret(code, c)) {
        launchCodes.delete(c);
        options.onLaunchCodeUsed?.(c);
        return true;
      }
    }
    return false;
  }

  function send(res: ServerResponse, status: number, body: string, type = 'text/plain; charset=utf-8'): void {
    if (res.headersSent) {
      res.destroy();
      return;
    }
    const bytes = Buffer.from(body, 'utf8');
    res.writeHead(status, { 'Content-Type': type, 'Content-Length': bytes.length, 'Cache-Control': 'no-store', 'X-Content-Type-Options': 'nosniff' });
    res.end(bytes);
  }

  async function readJson(req: IncomingMessage): Promise<unknown> {
    const chunks: Buffer[] = [];
    let size = 0;
    for await (const chunk of req) {
      size += (chunk as Buffer).length;
      if (size > MAX_BODY_BYTES) throw new Error('request body too large');
      chunks.push(chunk as Buffer);
    }
    const text = Buffer.concat(chunks).toString('utf8');
    return text ? JSON.parse(text) : {};
  }

  function serveStatic(res: ServerResponse, pathname: string): void {
    const decoded = decodedPath(pathname);
    if (decoded === null || decoded.includes('\0')) {
      send(res, 400, 'bad path');
      return;
    }
    const rel = decoded === '/' ? 'index.html' : decoded.slice(1);
    const file = normalize(join(staticDir, rel));
    let isFile = false;
    try {
      isFile = file.startsWith(staticDir + sep) && statSync(file).isFile();
    } catch {
      isFile = false;
    }
    if (!isFile) {
      send(res, 404, 'not found');
      return;
    }
    res.writeHead(200, servedFileHeaders(file, csp));
    createReadStream(file)
      .on('error', () => res.destroy())
      .pipe(res);
  }

  function handle(req: IncomingMessage, res: ServerResponse): void {
    res.on('error', () => undefined);
    const pathname = targetPath(req.url);
    if (pathname === null) {
      send(res, 400, 'bad request target');
      return;
    }
    const why = foreign(req);
    if (why) {
      send(res, 403, `Forbidden: ${why}`);
      return;
    }
    if (pathname === '/session') {
      if (req.method !== 'POST') {
        send(res, 405, 'POST only');
        return;
      }
      req.resume();
      if (!takeLaunchCode(req.headers[LAUNCH_HEADER] as string | undefined)) {
        send(res, 403, 'Forbidden: no valid launch code');
        return;
      }
      const token = randomBytes(32).toString('base64url');
      sessions.add(token);
      send(res, 200, JSON.stringify({ token }), 'application/json');
      return;
    }
    if (pathname.startsWith('/api/')) {
      if (!hasSession(req.headers[TOKEN_HEADER] as string | undefined)) {
        req.resume();
        send(res, 403, 'Forbidden: missing or wrong token');
        return;
      }
      if (req.method !== 'POST') {
        req.resume();
        send(res, 405, 'POST only');
        return;
      }
      readJson(req)
        .then((args) => options.service.request(pathname.slice('/api/'.length), args))
        .then(
          (response) => send(res, 200, JSON.stringify(response), 'application/json'),
          (err: Error) => send(res, 400, JSON.stringify({ ok: false, error: { code: 'bad_request', message: err.message } }), 'application/json'),
        )
        .catch(() => res.destroy());
      return;
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      req.resume();
      send(res, 405, 'GET only');
      return;
    }
    serveStatic(res, pathname);
  }

  server.on('request', (req, res) => {
    try {
      handle(req, res);
    } catch {
      // A bug of ours, not the request's: answer it, and keep serving everyone else.
      send(res, 500, 'internal error');
    }
  });

  server.on('clientError', (_err, socket: Socket) => {
    if (socket.writable) socket.end('HTTP/1.1 400 Bad Request\r\nConnection: close\r\n\r\n');
    else socket.destroy();
  });

  function refuseUpgrade(socket: Socket, status: string): void {
    if (socket.writable) socket.end(`HTTP/1.1 ${status}\r\nConnection: close\r\n\r\n`);
    else socket.destroy();
  }

  server.on('upgrade', (req: IncomingMessage, socket: Socket, head: Buffer) => {
    socket.on('error', () => undefined);
    try {
      const offered = String(req.headers['sec-websocket-protocol'] ?? '').split(',').map((p) => p.trim());
      const token = offered.find((p) => p.startsWith(TOKEN_PROTOCOL_PREFIX))?.slice(TOKEN_PROTOCOL_PREFIX.length);
      if (targetPath(req.url) !== '/events' || foreign(req) || !hasSession(token) || !offered.includes(EVENTS_PROTOCOL)) {
        refuseUpgrade(socket, '403 Forbidden');
        return;
      }
      wss.handleUpgrade(req, socket, head, (ws: WebSocket) => {
        ws.on('error', () => ws.terminate());
        const unsubscribe = options.service.subscribe((event) => ws.send(JSON.stringify(event), () => undefined));
        ws.on('close', unsubscribe);
        // The page never sends anything: a message is a protocol error.
        ws.on('message', () => ws.close(1008, 'no messages expected'));
      });
    } catch {
      refuseUpgrade(socket, '400 Bad Request');
    }
  });

  return {
    port,
    launchUrl() {
      const code = randomBytes(18).toString('base64url');
      launchCodes.set(code, Date.now());
      while (launchCodes.size > MAX_OPEN_LAUNCH_CODES) launchCodes.delete(launchCodes.keys().next().value!);
      return `http://127.0.0.1:${port}/#launch=${code}`;
    },
    async close() {
      for (const client of wss.clients) client.terminate();
      await new Promise<void>((ok) => wss.close(() => ok()));
      server.closeAllConnections();
      await new Promise<void>((ok) => server.close(() => ok()));
    },
  };
}
