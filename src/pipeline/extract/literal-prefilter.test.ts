import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import triggers from '../../knowledge/lexicons/en/triggers.json' with { type: 'json' };
import { splitSentences } from '../segment/sentences.js';
import { wordsPattern } from './provenance.js';
import actors from '../../knowledge/lexicons/en/actors.json' with { type: 'json' };
import { RULES as FACILITY_RULES } from './en/facilities.js';
import { findWord, startsWord } from './cyrillic/language.js';
import { firstMatchAt } from './scan.js';
import { RUSSIAN, UKRAINIAN } from './cyrillic/languages.js';
import { normaliseLookalikes } from './cyrillic/lookalikes.js';
import { literalPrefixes, LiteralPrefilter, requiredCharacter, requiredLiterals } from './literal-prefilter.js';

describe('literalPrefixes', () => {
  it.each([
    ['recruit(?:s|ed)?', ['recruit']],
    ['(?:sign(?:s|ed|ing)? up|signing up)', ['sign', 'signing up']],
    ['(?:train|convoy)s?', ['train', 'convoy']],
    ['prisoners? of war', ['prisoner']],
    ['storm[- ]?[zv]', ['storm']],
    ['(?:will|would) no longer', ['will no longer', 'would no longer']],
    ['\\w+ recruits', null],
    ['(?:a )?colony', ['a colony', 'colony']],
    ['(?<!not )(?:за)?вербов\\p{L}*', ['завербов', 'вербов']],
    ['(?:a )?\\w+', null],
    ['(?:colony|\\d+ prisoners)', null],
    ['[Cc]olony', ['colony']],
    ['(?:were|are) (?:kept|held) in', ['were kept in', 'were held in', 'are kept in', 'are held in']],
    ['r[io]se', ['rise', 'rose']],
    ['[^a]colony', null],
  ])('%s → %j', (source, expected) => {
    expect(literalPrefixes(source)).toEqual(expected);
  });
});

const shared = resolve(process.env.ETAP_SHARED ?? join(import.meta.dirname, '..', '..', '..', '..', 'shared'));
const dirs = ['seeds', 'dev'].map((set) => join(shared, 'corpus', set, 'docs')).filter(existsSync);

const PATTERNS = triggers.triggers.map((t) => t.pattern);
const REGEXES = PATTERNS.map((p) => wordsPattern([p], 'iu'));
const prefilter = new LiteralPrefilter(PATTERNS);

const STICKY = REGEXES.map((re) => new RegExp(re.source, `${re.flags}y`));

/** Every trigger that matches must be among the candidates, and tried at its starts find the match a scan finds. */
function expectSuperset(sentence: string): void {
  const may = prefilter.candidates(sentence);
  const starts = prefilter.starts(sentence);
  REGEXES.forEach((re, i) => {
    if (re.test(sentence)) expect(may[i], `trigger ${i} (${PATTERNS[i]}) on ${JSON.stringify(sentence)}`).toBe(true);
    expect(starts[i] !== undefined, `starts of trigger ${i} on ${JSON.stringify(sentence)}`).toBe(may[i]);
    const at = starts[i];
    if (at) expect(firstMatchAt(STICKY[i], sentence, at, () => true)?.index, `trigger ${i} on ${JSON.stringify(sentence)}`).toBe(re.exec(sentence)?.index);
  });
}

describe('LiteralPrefilter over the English triggers', () => {
  it('never skips a trigger that matches, on text made of trigger words and noise', () => {
    const words = [...new Set(PATTERNS.flatMap((p) => p.match(/[\p{L}’']+/gu) ?? []))];
    const piece = fc.oneof(
      fc.constantFrom(...words),
      fc.constantFrom(...words).map((w) => w.toUpperCase()),
      fc.constantFrom(' ', ' ', ' ', '-', ', ', '. ', 's', 'ed', '’', 'é', 'ſ', '1,200 '),
      fc.string({ maxLength: 3 }),
    );
    fc.assert(fc.property(fc.array(piece, { maxLength: 16 }), (pieces) => expectSuperset(pieces.join(''))), { numRuns: 3000 });
  });

  // A trigger written with \p{L} gets letter boundaries, under which "_" starts a word, and the
  // prefilter skipped it (the property above found "_bodies" one run in three).
  it.each([['_bodies'], ['_killed'], ['x_deaths']])('agrees with the triggers on a word after an underscore: %s', (sentence) => expectSuperset(sentence));

  it('skips triggers whose words are absent', () => {
    const may = prefilter.candidates('The weather was mild.');
    const recruit = PATTERNS.findIndex((p) => p.includes('recruit(?:ing|ment|ers?)?'));
    expect(recruit).toBeGreaterThanOrEqual(0);
    expect(may[recruit]).toBe(false);
    expect(prefilter.candidates('They RECRUITED inmates.')[recruit]).toBe(true);
  });

  it.runIf(dirs.length > 0)('never skips a trigger that matches, on every sentence of the shared corpus', () => {
    for (const dir of dirs) {
      for (const file of readdirSync(dir).filter((f) => f.endsWith('.json'))) {
        const { text } = JSON.parse(readFileSync(join(dir, file), 'utf8')) as { text: string };
        for (const s of splitSentences(text)) expectSuperset(text.slice(s.start, s.end));
      }
    }
  });
});

describe('requiredLiterals', () => {
  it.each([
    ['(?:the )?Kremlin', ['kremlin']],
    ['(?<![\\p{L}])(?:SIZO|Sizo) No', ['sizo no']],
    ['(?:(?:the )?FSIN|(?:Russia’s )?Penitentiary Service)', ['fsin', 'penitentiary service']],
    ['\\bIK-\\d+', ['ik-']],
    ['(?:a )?(?:b)?', null],
    ['[A-Z][a-z]+ colony', null],
  ])('%s → %j', (source, expected) => {
    expect(requiredLiterals(source)).toEqual(expected);
  });
});

describe('requiredCharacter', () => {
  it.each([
    ["^(.*\\s)?[\\p{Lu}][\\p{L}'’-]+\\s[\\p{Lu}][\\p{L}'’-]+\\s?/\\s?[\\p{L}][\\p{L}.]*(\\s?/\\s?[\\p{L}][\\p{L}.]*)*$", '/'],
    ['^.*/\\s*(Image|Photo)\\s*:', '/'],
    ['^\\d+ : \\d+', ':'],
    ['^a/|b', null],
    ['^a/?b', null],
    ['^a(/)b', null],
    ['^a[/]b', null],
    ['^a\\/b', null],
    ['^a.b', null],
    ['^ab', null],
  ])('%s → %j', (source, expected) => {
    expect(requiredCharacter(source)).toEqual(expected);
  });
});

describe('LiteralPrefilter anywhere, over the English actors and facility rules', () => {
  const cyrillicActors = (language: typeof RUSSIAN) => ({
    name: `${language.code} actors`,
    sources: language.lexicons.actors.actors.map((a) => a.pattern),
    regexes: language.lexicons.actors.actors.map((a) => new RegExp(`(?<![\\p{L}])(?:${a.pattern})(?![\\p{L}])`, 'gu')),
  });
  const sets = [
    cyrillicActors(RUSSIAN),
    cyrillicActors(UKRAINIAN),
    { name: 'actors', sources: actors.actors.map((a) => a.pattern), regexes: actors.actors.map((a) => new RegExp(`\\b(?:${a.pattern})\\b`, a.caseSensitive ? 'g' : 'gi')) },
    { name: 'facilities', sources: FACILITY_RULES.map((r) => r.re.source), regexes: FACILITY_RULES.map((r) => new RegExp(r.re.source, r.re.flags)) },
  ];
  for (const { name, sources, regexes } of sets) {
    const filter = new LiteralPrefilter(sources, { anywhere: true });
    const check = (sentence: string) => {
      const may = filter.candidates(sentence);
      regexes.forEach((re, i) => {
        re.lastIndex = 0;
        if (re.test(sentence)) expect(may[i], `${name} ${i} on ${JSON.stringify(sentence)}`).toBe(true);
      });
    };
    it(`${name}: never skips a pattern that matches`, () => {
      const words = [...new Set(sources.flatMap((p) => p.match(/[\p{L}’'-]+/gu) ?? []))];
      const piece = fc.oneof(
        fc.constantFrom(...words),
        fc.constantFrom('IK-7', 'SIZO No. 2', 'No. 3', 'colony No. 10', 'Kherson', 'Stara Zburivka', 'the', 'Russia’s', 'in'),
        fc.constantFrom(' ', ' ', ' ', '-', ', ', '. ', 's', '’s', '7', 'No.'),
        fc.string({ maxLength: 3 }),
      );
      fc.assert(fc.property(fc.array(piece, { maxLength: 14 }), (pieces) => check(pieces.join(' '))), { numRuns: 2000 });
    });
    it.runIf(dirs.length > 0)(`${name}: never skips a pattern that matches, on the shared corpus`, () => {
      for (const dir of dirs) {
        for (const file of readdirSync(dir).filter((f) => f.endsWith('.json'))) {
          const { text } = JSON.parse(readFileSync(join(dir, file), 'utf8')) as { text: string };
          for (const s of splitSentences(text)) check(text.slice(s.start, s.end));
        }
      }
    });
  }
});

describe('LiteralPrefilter over the Russian and Ukrainian triggers', () => {
  for (const language of [RUSSIAN, UKRAINIAN]) {
    const check = (sentence: string) => {
      const may = language.triggerFilter.candidates(sentence);
      const starts = language.triggerFilter.starts(sentence);
      language.triggers.forEach((t, i) => {
        if (findWord(t.re, sentence)) expect(may[i], `${language.code} trigger ${i} (${t.re.source}) on ${JSON.stringify(sentence)}`).toBe(true);
        const at = starts[i];
        if (at) expect(firstMatchAt(t.sticky, sentence, at, startsWord)?.[0], `${language.code} trigger ${i} on ${JSON.stringify(sentence)}`).toBe(findWord(t.re, sentence)?.[0]);
      });
      if (findWord(language.prisoner, sentence)) expect(language.prisonerFilter.candidates(sentence)[0], `${language.code} prisoner words on ${JSON.stringify(sentence)}`).toBe(true);
      if (findWord(language.hedge, sentence)) expect(language.hedgeFilter.candidates(sentence)[0], `${language.code} hedges on ${JSON.stringify(sentence)}`).toBe(true);
    };
    it(`${language.code}: never skips a trigger that matches`, () => {
      const sources = [...language.lexicons.triggers.triggers.map((t) => t.pattern), ...language.lexicons.prisonerWords.patterns, ...language.lexicons.hedges.patterns];
      const words = [...new Set(sources.flatMap((p) => p.match(/[\p{L}’'-]+/gu) ?? []))];
      const piece = fc.oneof(
        fc.constantFrom(...words),
        fc.constantFrom(...words).map((w) => w.toUpperCase()),
        fc.constantFrom(' ', ' ', ' ', '-', ', ', '. ', 'ые', 'ого', 'а', 'ё', '1 200 '),
        fc.string({ maxLength: 3 }),
      );
      fc.assert(fc.property(fc.array(piece, { maxLength: 14 }), (pieces) => check(pieces.join(' '))), { numRuns: 2000 });
    });
    it.runIf(dirs.length > 0)(`${language.code}: never skips a trigger that matches, on the shared corpus`, () => {
      for (const dir of dirs) {
        for (const file of readdirSync(dir).filter((f) => f.endsWith('.json'))) {
          const { text } = JSON.parse(readFileSync(join(dir, file), 'utf8')) as { text: string };
          const norm = normaliseLookalikes(text);
          for (const s of splitSentences(text)) check(norm.slice(s.start, s.end));
        }
      }
    });
  }
});
