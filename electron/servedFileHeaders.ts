// The headers both shells serve a file with: the Electron app (app:// protocol) and the browser host
// read the same type map and send the same protections, so the two cannot drift apart. The policy
// itself is the caller's: the renderer's (contentSecurityPolicy.ts) or a report's.
import { extname } from 'node:path';

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.json': 'application/json',
  '.woff2': 'font/woff2',
};

/** The file's type by its extension; anything else is bytes to download, never content to sniff. */
export function contentTypeOf(file: string): string {
  return CONTENT_TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream';
}

/** Its type and policy, no type sniffing, no caching (a store's data must not linger), no referrer, not loadable by other origins. */
export function servedFileHeaders(file: string, csp: string): Record<string, string> {
  return {
    'Content-Type': contentTypeOf(file),
    'Content-Security-Policy': csp,
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'Cache-Control': 'no-store',
    'Cross-Origin-Resource-Policy': 'same-origin',
  };
}
