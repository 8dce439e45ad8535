import { execFileSync } from 'node:child_process';

/** The case named on this process's command line (`--case NAME`), when it runs as one. */
export function caseArgument(): string | undefined {
  const at = process.argv.indexOf('--case');
  return at >= 0 ? process.argv[at + 1] : undefined;
}

/**
 * Runs one case of the benchmark script `script` in a fresh Node process (same flags as this
 * one), so no case's heap or JIT state weighs on the next, and returns the JSON line it printed last.
 */
export function runCase<T>(script: string, name: string): T {
  const out = execFileSync(process.execPath, [...process.execArgv, script, '--case', name], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
  return JSON.parse(out.trim().split('\n').at(-1)!) as T;
}

/** Prints a case's result as the JSON line `runCase` reads. */
export function reportCase(result: unknown): void {
  process.stdout.write(`${JSON.stringify(result)}\n`);
}
