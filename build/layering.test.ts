// The layering lint rules (eslint.config.js) catch each forbidden import, and let the allowed ones through.
import { ESLint } from 'eslint';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('..', import.meta.url));
const eslint = new ESLint({ cwd: root });

/** The no-restricted-imports messages for `code` placed at `file`. */
async function layeringErrors(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(`${code}\nexport const used = x;\n`, { filePath: join(root, file) });
  return result.messages.filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
}

describe('layering rules', () => {
  it.each([
    ['shared/engine/x.ts', `import { readFileSync as x } from 'node:fs';`, /no Node built-ins/],
    ['shared/engine/x.ts', `import x from 'fs';`, /no Node built-ins/],
    ['shared/engine/x.ts', `import x from 'path/posix';`, /no Node built-ins/],
    ['shared/report/x.ts', `import { openStore as x } from '../../db/store';`, /imports none of them/],
    ['shared/report/x.ts', `import { createService as x } from '../../electron/service/service';`, /imports none of them/],
    ['shared/report/x.ts', `import { call as x } from '../../renderer/api/client';`, /imports none of them/],
    ['shared/report/x.ts', `import x from 'react';`, /React belongs in renderer/],
    ['db/import/x.ts', `import { ApiError as x } from '../../electron/service/apiError';`, /nothing of electron\/ or renderer\//],
    ['electron/service/x.ts', `import { writeDemoExtract as x } from '../cli/demoCommand';`, /not the other way round/],
    ['electron/service/x.ts', `import { app as x } from 'electron';`, /Only electron\/electronApp.ts and electron\/preload.ts/],
    ['electron/jobs/x.ts', `import { call as x } from '../../renderer/api/client';`, /only through shared\/api.ts/],
    ['renderer/screens/x.tsx', `import { readFileSync as x } from 'node:fs';`, /no Node/],
    ['renderer/screens/x.tsx', `import { openStore as x } from '../../db/store';`, /only talks to the service through shared\/api.ts/],
  ])('%s: %s is refused', async (file, code, why) => {
    const errors = await layeringErrors(file, code);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(why);
  });

  it.each([
    ['shared/engine/x.ts', `import { z as x } from 'zod';`],
    ['shared/engine/x.test.ts', `import { readFileSync as x } from 'node:fs';`],
    ['db/import/x.ts', `import { API as x } from '../../shared/api';`],
    ['db/import/x.ts', `import { readFileSync as x } from 'node:fs';`],
    ['electron/jobs/x.ts', `import { writeDemoExtract as x } from '../cli/demoCommand';`],
    ['electron/electronApp.ts', `import { app as x } from 'electron';`],
    ['electron/preload.ts', `import { contextBridge as x } from 'electron';`],
  ])('%s: %s is allowed', async (file, code) => {
    expect(await layeringErrors(file, code)).toEqual([]);
  });
});
