// Worker-thread entry: the analyses are TypeScript, so register tsx in this thread before loading them.
import { register } from 'tsx/esm/api';

register();
await import('./analysisWorkerMain.ts');
