// The renderer's Content-Security-Policy, one for both shells: the Electron app (app:// protocol)
// and the browser host. Only where the api lives differs: Electron's is IPC, the browser host's a
// WebSocket on loopback, which its `connect-src` must name.
export function contentSecurityPolicy(connectSources: readonly string[] = []): string {
  return [
    `default-src 'self'`,
    `connect-src ${["'self'", ...connectSources].join(' ')}`,
    `img-src 'self' data: blob:`,
    // ag-grid's themes inject their CSS at run time.
    `style-src 'self' 'unsafe-inline'`,
    `object-src 'none'`,
    `base-uri 'none'`,
    `frame-ancestors 'none'`,
  ].join('; ');
}
