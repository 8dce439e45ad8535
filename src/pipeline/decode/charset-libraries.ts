import { createRequire } from 'node:module';

/**
 * iconv-lite and chardet, loaded at the first report that needs them rather than with the
 * pipeline: most reports arrive decoded or in UTF-8, and each new process (every worker too) would
 * otherwise pay for loading both, chardet's many files most.
 */
const require = createRequire(import.meta.url);
let iconvLite: typeof import('iconv-lite') | undefined;
let chardetModule: typeof import('chardet') | undefined;

/** iconv-lite, for legacy charsets and UTF-16. */
export function iconv(): typeof import('iconv-lite') {
  iconvLite ??= require('iconv-lite') as typeof import('iconv-lite');
  return iconvLite;
}

/** chardet, for the guess a lossy decoding reports. */
export function chardet(): typeof import('chardet') {
  chardetModule ??= require('chardet') as typeof import('chardet');
  return chardetModule;
}
