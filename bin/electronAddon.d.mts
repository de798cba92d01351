export const SQLITE_PACKAGE: string;
export function electronVersion(): string;
export function checkoutAddon(): string;
export interface AddonTarget {
  electronVersion: string;
  platform: string;
  arch: string;
}
export function rebuildOptions(buildPath: string, target: AddonTarget): Record<string, unknown>;
export function buildElectronAddon(outFile: string, target: AddonTarget, options?: { rebuild?: (options: Record<string, unknown>) => Promise<unknown> }): Promise<void>;
