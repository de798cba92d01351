// Where the browser host finds the built renderer unless told: dist/renderer of the checkout it
// runs from, whether that is the source (electron/host/) or the bundle (dist/node/). The checkout
// is the nearest folder above the module that holds a package.json. Paths come from
// fileURLToPath: `new URL(...).pathname` keeps a space as %20 and a Windows drive as /C:/, and the
// host then served nothing but 404s.
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export function defaultStaticDir(moduleUrl: string): string {
  let dir = dirname(fileURLToPath(moduleUrl));
  while (!existsSync(join(dir, 'package.json'))) {
    const up = dirname(dir);
    if (up === dir) throw new Error(`No package.json above ${fileURLToPath(moduleUrl)}: pass --static-dir`);
    dir = up;
  }
  return join(dir, 'dist', 'renderer');
}
