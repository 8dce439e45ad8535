import { cpus, totalmem } from 'node:os';
import { getHeapSpaceStatistics } from 'node:v8';

/** The machine a figure was measured on, for the first line of a benchmark's output. */
export function machineLine(runs: number): string {
  return `machine: ${cpus()[0]?.model ?? 'unknown cpu'}, ${cpus().length} cores, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}; ${runs} runs, medians`;
}

export const median = (xs: readonly number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** Peak resident memory of this process so far, MB. */
export const peakMemoryMb = (): number => process.resourceUsage().maxRSS / 1024;

/**
 * This process's code spaces now, MB: machine code of functions and of patterns. Past 16 MB, V8
 * compiles every further pattern without optimisation, several times slower (see
 * src/knowledge/text/compile-pattern.ts), so a figure near it explains a slow run.
 */
export const codeSpaceMb = (): number =>
  getHeapSpaceStatistics()
    .filter((space) => space.space_name.startsWith('code'))
    .reduce((sum, space) => sum + space.space_size, 0) / 1e6;
