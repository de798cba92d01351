/** Fills `stageDir` with the packaged app's files; `addon: 'checkout'` adds the checkout's SQLite (built for Node). */
export function stageApp(stageDir: string, options?: { addon?: 'checkout' }): { main: string };
export function stageElectronAddon(stageDir: string, target: { electronVersion: string; platform: string; arch: string }): Promise<void>;
