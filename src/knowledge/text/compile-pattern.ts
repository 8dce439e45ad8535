import { bmpProperties } from './bmp-properties.js';
import { factorPattern } from './factor-pattern.js';

/**
 * `new RegExp(source, flags)` for etap's patterns, written to compile to less machine code:
 * alternatives sharing a letter run merged (factorPattern, the same pattern) and property classes
 * kept to the Basic Multilingual Plane (bmpProperties). Kept small, etap's patterns stay under
 * the 16 MB of executable memory past which V8 compiles new patterns unoptimised (several times
 * slower): before, they took 17 MB, and in a process reading English, Russian and Ukrainian
 * reports, the patterns of the language met last ran 2–3 times slower for the rest of the run.
 */
export function compilePattern(source: string, flags = ''): RegExp {
  // Both writers work on property classes, which only `u` patterns have.
  if (!flags.includes('u')) return new RegExp(source, flags);
  const key = `${flags}/${source}`;
  let written = written_.get(key);
  if (written === undefined) {
    // Some patterns are built from a report's own words; the cache stays small all the same.
    if (written_.size >= MAX_CACHED) written_.clear();
    written = bmpProperties(factorPattern(source), flags);
    written_.set(key, written);
  }
  return new RegExp(written, flags);
}

const MAX_CACHED = 2000;
const written_ = new Map<string, string>();
