// One Content-Security-Policy for both shells: the browser host sends the policy the Electron app
// serves its pages with, naming besides only its own WebSocket (where the api's events come from);
// and the same headers around it (servedFileHeaders.ts).
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy } from './contentSecurityPolicy';
import { createService } from './service/service';
import { startBrowserHost } from './host/browserHost';
import { createAppProtocol } from './shell/appProtocol';

describe('the renderer CSP', () => {
  it('is the same in the Electron app and the browser host but for the host WebSocket', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'matchlab-csp-'));
    const staticDir = join(dir, 'static');
    mkdirSync(staticDir);
    writeFileSync(join(staticDir, 'index.html'), '<!doctype html><title>Matchlab</title>');
    writeFileSync(join(staticDir, 'app.js'), 'export {};');
    const service = createService({ dataDir: join(dir, 'data') });
    const host = await startBrowserHost({ service, staticDir });
    try {
      const hostCsp = (await fetch(host.launchUrl())).headers.get('content-security-policy');
      const electronCsp = (await createAppProtocol(staticDir).handle(new Request('app://matchlab/index.html'))).headers.get('content-security-policy');
      expect(electronCsp).toBe(contentSecurityPolicy());
      expect(hostCsp).toBe(contentSecurityPolicy([`ws://127.0.0.1:${host.port}`, `ws://localhost:${host.port}`]));
      expect(electronCsp).toContain(`default-src 'self'`);
      expect(electronCsp).toContain(`object-src 'none'`);
      // The same headers but for the WebSocket, whatever the file.
      for (const file of ['index.html', 'app.js']) {
        const fromHost = (await fetch(`http://127.0.0.1:${host.port}/${file}`)).headers;
        const fromElectron = (await createAppProtocol(staticDir).handle(new Request(`app://matchlab/${file}`))).headers;
        for (const name of ['content-type', 'x-content-type-options', 'referrer-policy', 'cache-control', 'cross-origin-resource-policy']) {
          expect(fromElectron.get(name), `${file}: ${name}`).toBe(fromHost.get(name));
        }
        expect(fromHost.get('content-type')).toMatch(file.endsWith('.js') ? /^text\/javascript/ : /^text\/html/);
        expect(fromHost.get('x-content-type-options')).toBe('nosniff');
      }
    } finally {
      await host.close();
      await service.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
