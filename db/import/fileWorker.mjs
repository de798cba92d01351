// Worker-thread entry: the reader is TypeScript, so register tsx in this thread before loading it.
import { register } from 'tsx/esm/api';

register();
await import('./fileWorkerMain.ts');
