/** See bundle-key.mjs. */
export function bundleKey(inputs: readonly string[]): string;
export function manifestName(name: string, entryPath: string): string;
