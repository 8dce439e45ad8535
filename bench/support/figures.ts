import { cpus, totalmem } from 'node:os';

/** The machine a figure was measured on, for the first line of a benchmark's output. */
export function machineLine(runs: number): string {
  return `machine: ${cpus()[0]?.model ?? 'unknown cpu'}, ${cpus().length} cores, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}; ${runs} runs, medians`;
}

export const median = (xs: readonly number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** Peak resident memory of this process so far, MB. */
export const peakMemoryMb = (): number => process.resourceUsage().maxRSS / 1024;
