/**
 * Gazetteer benchmark: how long the generated gazetteer takes to load (cold, in a fresh process,
 * and warm), and how many place mentions per second the resolve step places, on the place names
 * of the gold corpora (every spelling annotators wrote) repeated. One core.
 *
 *   node --import tsx bench/gazetteer.ts
 */
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadGazetteer } from '../src/knowledge/places/gazetteer.js';
import { buildReportContext } from '../src/pipeline/resolve/context.js';
import { resolvePlace } from '../src/pipeline/resolve/places.js';
import type { NamedValue } from '../src/domain/types.js';
import { shared } from './support/corpus.js';
import { median } from './support/figures.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');

// Cold: a new process that imports the module and loads the file, as the CLI does.
const coldScript = `const t=performance.now();const m=await import(${JSON.stringify(join(root, 'src/knowledge/places/gazetteer.ts'))});m.defaultGazetteer();process.stdout.write(String(performance.now()-t));`;
const cold = median([0, 1, 2].map(() => Number(execFileSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', coldScript], { encoding: 'utf8' }))));
const warm = median(
  [0, 1, 2, 3, 4].map(() => {
    const t = performance.now();
    loadGazetteer();
    return performance.now() - t;
  }),
);
const gazetteer = loadGazetteer();

const names = ['seeds', 'dev'].flatMap((set) =>
  readdirSync(join(shared, 'corpus', set, 'gold'))
    .filter((f) => f.endsWith('.json'))
    .flatMap((f) => (JSON.parse(readFileSync(join(shared, 'corpus', set, 'gold', f), 'utf8')) as { claims: { places?: (string | string[])[] }[] }).claims)
    .flatMap((c) => (c.places ?? []).map((p) => (Array.isArray(p) ? p[0] : p))),
);
const text = `Prisoners from the Donetsk region and the Kherson region were moved to Russia. ${names.join(', ')}.`;
const mentions: NamedValue[] = names.map((name) => {
  const start = text.indexOf(name);
  return { name, span: { start, end: start + name.length }, text: name, rule: 'bench', certainty: 'stated' };
});
const context = buildReportContext(text, [], gazetteer);
// First pass builds the lazy indexes (transliteration skeletons); it is reported apart.
let t = performance.now();
for (const m of mentions) resolvePlace(m, gazetteer, context);
const firstPass = performance.now() - t;

const rates: number[] = [];
let resolved = 0;
for (let run = 0; run < 5; run++) {
  t = performance.now();
  let n = 0;
  while (performance.now() - t < 300) {
    for (const m of mentions) if (resolvePlace(m, gazetteer, context).value.lat !== undefined) resolved++;
    n += mentions.length;
  }
  rates.push(n / ((performance.now() - t) / 1000));
}

console.log(`gazetteer: ${gazetteer.places.length} places`);
console.log(`load: ${cold.toFixed(0)} ms cold (fresh process, import + parse + index), ${warm.toFixed(0)} ms warm`);
console.log(`resolve: ${Math.round(median(rates)).toLocaleString('en')} place mentions/s (${mentions.length} distinct gold mentions, ${((100 * mentions.filter((m) => resolvePlace(m, gazetteer, context).value.lat !== undefined).length) / mentions.length).toFixed(1)}% placed); first pass with index building ${firstPass.toFixed(0)} ms`);
void resolved;
