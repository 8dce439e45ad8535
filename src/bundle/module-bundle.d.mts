/** See module-bundle.mjs. */
export const BUNDLE_DIR: string;
export function moduleBundle(entry: URL, options?: { dir?: string }): URL | undefined;
