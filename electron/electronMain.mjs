// Electron's entry (package.json "main"): the app's main process is TypeScript, loaded via tsx.
import { register } from 'tsx/esm/api';

register();
await import('./electronApp.ts');
