/** See bundle-key.mjs. */
export function bundleKey(inputs: readonly string[]): string;
