/** Builds dist/ (the Node-side bundles, and the renderer when asked) when missing or older than its sources. */
export function ensureBuilt(options?: { renderer?: boolean }): Promise<void>;
