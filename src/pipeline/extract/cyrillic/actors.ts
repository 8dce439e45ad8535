import { namedValue } from '../provenance.js';
import type { NamedValue, Span } from '../../../domain/types.js';
import type { CyrillicLanguage, CyrillicText } from './language.js';
import { matchesWhere } from '../scan.js';
import { LiteralPrefilter } from '../literal-prefilter.js';
import { compilePattern } from '../../../knowledge/text/compile-pattern.js';

/** "Россия отправила", "отправке Россией": the country as the doer of the act (starting a word: matchesWhere checks). */
const COUNTRY_AS_DOER = compilePattern(String.raw`(?:(?:Россия|Росія|РФ)(?= (?:\p{L}+ )?\p{L}+(?:ла|ли|ло|ет|ит|ют|ят|ал|ил|ує|ють|ять)(?![\p{L}]))|Россией|Росією)(?![\p{L}])`, 'gu');

/** An actor finder for one language: who recruited, moved, held, released or abused prisoners; spans in `exclude` (sources) are skipped. */
export function createActorFinder(language: CyrillicLanguage): (doc: CyrillicText, range: Span, exclude?: Span[]) => NamedValue[] {
  // Each must start a word (matchesWhere checks); only the actors whose literals the sentence holds are run.
  const actors = language.lexicons.actors.actors.map((a) => ({ id: a.id, re: compilePattern(`(?:${a.pattern})(?![\\p{L}])`, 'gu') }));
  const prefilter = new LiteralPrefilter(language.lexicons.actors.actors.map((a) => a.pattern), { anywhere: true });
  const code = language.code;
  return (doc, range, exclude = []) => {
    const sentence = doc.norm.slice(range.start, range.end);
    const found: NamedValue[] = [];
    const add = (start: number, end: number, rule: string, entityId?: string) => {
      const s = range.start + start;
      const e = range.start + end;
      if (exclude.some((x) => s < x.end && e > x.start) || found.some((f) => s < f.span.end && e > f.span.start)) return;
      found.push(namedValue(doc.text, s, e, rule, { entityId }));
    };
    const candidates = prefilter.candidates(sentence);
    // Indexed: `actors.entries()` allocated an entry for each of the lexicon's actors in every sentence.
    for (let i = 0; i < actors.length; i++) {
      if (!candidates[i]) continue;
      for (const m of matchesWhere(actors[i].re, sentence)) add(m.index ?? 0, (m.index ?? 0) + m[0].length, `${code}.actor.lexicon`, actors[i].id);
    }
    for (const m of matchesWhere(COUNTRY_AS_DOER, sentence)) {
      add(m.index ?? 0, (m.index ?? 0) + m[0].length, `${code}.actor.country-as-doer`);
      // "отправке Россией" names Russia: the actor's name is the nominative.
      if (found[found.length - 1]?.rule.endsWith('country-as-doer')) found[found.length - 1].name = code === 'uk' ? 'Росія' : 'Россия';
    }
    return found.sort((a, b) => a.span.start - b.span.start);
  };
}
