import { SingleBar, Presets } from 'cli-progress';

/** A progress line on a terminal; silent when stderr is piped or in CI. */
export function progress(label: string): { tick: (detail: string) => void; stop: () => void } {
  if (!process.stderr.isTTY || process.env.CI) return { tick: () => {}, stop: () => {} };
  const bar = new SingleBar(
    { format: `${label} {value} reports | {detail}`, stream: process.stderr, hideCursor: true, clearOnComplete: true, noTTYOutput: false },
    Presets.shades_classic,
  );
  bar.start(0, 0, { detail: '' });
  let n = 0;
  return {
    tick: (detail) => bar.update(++n, { detail: detail.slice(-60) }),
    stop: () => bar.stop(),
  };
}
