import type { Command } from 'commander';
import type { ReportMeta } from '../domain/types.js';

/** Adds the flags that override what reports say about themselves. */
export function addMetaOptions(command: Command): Command {
  return command
    .option('--published <date>', 'publication date (YYYY-MM-DD) for every report read')
    .option('--outlet <name>', 'outlet for every report read')
    .option('--url <url>', 'URL for every report read')
    .option('--language <code>', 'language (ISO 639-1) for every report read, instead of detecting it');
}

/** The overrides given on the command line. */
export function metaOverrides(options: Record<string, unknown>): ReportMeta {
  const meta: ReportMeta = {};
  for (const key of ['published', 'outlet', 'url', 'language'] as const) {
    const value = options[key];
    if (typeof value === 'string' && value) meta[key] = value;
  }
  if (meta.published && !/^\d{4}-\d{2}-\d{2}/u.test(meta.published)) throw new Error(`--published must be a date like 2023-03-20, not "${meta.published}"`);
  return meta;
}
