export const ROOT: string;
export const ELECTRON_ADDON_FILE: string;
/** Every worker the sources start: its bundle name and its TypeScript entry. */
export function findWorkers(root?: string): Map<string, string>;
export function bundle(): Promise<{ workers: string[] }>;
