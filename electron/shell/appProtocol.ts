// The app:// protocol the Electron window is served from (registered as standard and secure, so
// the renderer has a real origin, unlike file://, and nothing else on disk is reachable):
// app://matchlab/... is the built renderer; app://report/<id> is a report handed to the printer,
// held in memory only while it prints.
import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { resolve, sep } from 'node:path';
import { contentSecurityPolicy } from '../contentSecurityPolicy';
import { servedFileHeaders } from '../servedFileHeaders';

export const APP_SCHEME = 'app';
export const APP_ORIGIN = `${APP_SCHEME}://matchlab`;
const REPORT_ORIGIN = `${APP_SCHEME}://report`;
// A report is a self-contained document: its own styles and data: images, nothing else.
const REPORT_CSP = `default-src 'none'; style-src 'unsafe-inline'; img-src data:`;

/** Whether a URL is one of the app's own pages (the only frames whose IPC is answered). */
export function isAppUrl(url: string): boolean {
  return url === APP_ORIGIN || url.startsWith(`${APP_ORIGIN}/`);
}

export interface AppProtocol {
  handle(request: Request): Promise<Response>;
  /** Serves `html` at a fresh app://report/ URL until `remove` is called. */
  addReport(html: string): { url: string; remove(): void };
}

export function createAppProtocol(rendererDir: string): AppProtocol {
  const root = resolve(rendererDir);
  const reports = new Map<string, string>();
  const notFound = () => new Response('not found', { status: 404, headers: { 'Content-Type': 'text/plain' } });

  async function rendererFile(pathname: string): Promise<Response> {
    let rel: string;
    try {
      rel = pathname === '/' ? 'index.html' : decodeURIComponent(pathname.slice(1));
    } catch {
      return notFound();
    }
    const file = resolve(root, rel);
    if (!file.startsWith(root + sep)) return notFound();
    try {
      return new Response(await readFile(file), { headers: servedFileHeaders(file, contentSecurityPolicy()) });
    } catch {
      return notFound();
    }
  }

  return {
    async handle(request) {
      if (request.method !== 'GET') return new Response('GET only', { status: 405 });
      const url = new URL(request.url);
      // (A non-special scheme's URL has no `origin` in WHATWG terms, so compare scheme and host.)
      const origin = `${url.protocol}//${url.host}`;
      if (origin === APP_ORIGIN) return rendererFile(url.pathname);
      const report = origin === REPORT_ORIGIN ? reports.get(url.pathname.slice(1)) : undefined;
      return report === undefined ? notFound() : new Response(report, { headers: servedFileHeaders('report.html', REPORT_CSP) });
    },
    addReport(html) {
      const id = randomUUID();
      reports.set(id, html);
      return { url: `${REPORT_ORIGIN}/${id}`, remove: () => void reports.delete(id) };
    },
  };
}
