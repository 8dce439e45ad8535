import type { ClaimType } from '../../../domain/types.js';
import { LiteralPrefilter } from '../literal-prefilter.js';
import { compileOnFirstUse } from '../machine-code.js';
import { isLetterOrDigitUnit } from '../../../knowledge/text/characters.js';
import { compilePattern } from '../../../knowledge/text/compile-pattern.js';
import { isNegatable, TriggerContext, type TriggerContextLexicon } from '../trigger-context.js';

/** The lexicon files of one language, as they are stored under knowledge/lexicons/<lang>/. */
export interface CyrillicLexicons {
  triggers: TriggerContextLexicon & { triggers: { type: string; pattern: string; weight: number }[] };
  prisonerWords: { patterns: string[] };
  attribution: { phrases: string[]; genitive: string[]; verbs: string[]; pronouns: string[]; roles: string[]; groups: string[]; joins: string; continuesWithNumber: string };
  actors: { actors: { id: string; pattern: string }[] };
  hedges: { patterns: string[] };
  subjects: { gender: { value: string; pattern: string }[]; nationality: { value: string; pattern: string }[] };
  numbers: {
    units: Record<string, number>;
    multipliers: Record<string, number>;
    qualifiers: { pattern: string; kind: string }[];
    range: { from: string; to: string };
    vague: string;
    vaguePrefix: string;
    people: string[];
    modifiers: string[];
    notCounts: string;
  };
  time: {
    months: string[][];
    monthTail: string;
    seasons: { pattern: string; months: number[] }[];
    yearWord: string;
    parts: { pattern: string; part: string }[];
    since: string;
    bounds: string;
    lastWeek: string;
    thisWeek: string;
    lastMonth: string;
    thisMonth: string;
    lastYear: string;
    thisYear: string;
    yesterday: string;
    today: string;
  };
  places: { regionNouns: { stem: string; gender: string; plural: string; nominative: string }[]; settlementWords: string[]; names: string[]; notPlaces: string[] };
}

/** A claim-type trigger, compiled. */
export interface Trigger {
  type: ClaimType;
  re: RegExp;
  /** `re`, sticky: tried only where the trigger prefilter saw one of its words start. */
  sticky: RegExp;
  weight: number;
  rule: string;
  /** Whether a negation right before it denies it (see TriggerContext.negationAt). */
  negatable: boolean;
}

/** One language's lexicons compiled once into the patterns the extractors run. */
export interface CyrillicLanguage {
  code: 'ru' | 'uk';
  lexicons: CyrillicLexicons;
  triggers: Trigger[];
  /** Which triggers may match a sentence, so the others are not run. */
  triggerFilter: LiteralPrefilter;
  /** Negations and open-question frames around the triggers. */
  context: TriggerContext;
  prisoner: RegExp;
  hedge: RegExp;
  /** Whether `prisoner` / `hedge` may match a sentence at all (index 0), so most sentences skip them. */
  prisonerFilter: LiteralPrefilter;
  hedgeFilter: LiteralPrefilter;
}

/**
 * A word-bounded pattern whose start boundary is checked by `findWord` rather than a look-behind,
 * which stops V8 from scanning quickly for the first letters (several times slower on long text).
 */
export function startlessPattern(source: string): RegExp {
  return compilePattern(`(?:${source})(?![\\p{L}\\p{N}])`, 'giu');
}

/** True when `index` starts a word: no letter or digit before it (as `findWord` asks). */
export const startsWord = (text: string, index: number): boolean => index === 0 || !isLetterOrDigitUnit(text.charCodeAt(index - 1));

/** The first match of a `startlessPattern` in `text` that starts a word, or null. */
export function findWord(re: RegExp, text: string): RegExpExecArray | null {
  compileOnFirstUse(re, text);
  re.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text))) {
    if (startsWord(text, m.index)) return m;
    re.lastIndex = m.index + 1;
  }
  return null;
}

/** Compiles a language's lexicons; called once per language at module load. */
export function compileLanguage(code: 'ru' | 'uk', lexicons: CyrillicLexicons): CyrillicLanguage {
  return {
    code,
    lexicons,
    triggers: lexicons.triggers.triggers.map((t, i) => {
      const re = startlessPattern(t.pattern);
      const type = t.type as ClaimType;
      return { type, re, sticky: compilePattern(re.source, `${re.flags}y`), weight: t.weight, rule: `${code}.type.${t.type}.${i}`, negatable: isNegatable(type) };
    }),
    triggerFilter: new LiteralPrefilter(lexicons.triggers.triggers.map((t) => t.pattern)),
    context: new TriggerContext(lexicons.triggers),
    prisoner: startlessPattern(lexicons.prisonerWords.patterns.join('|')),
    hedge: startlessPattern(lexicons.hedges.patterns.join('|')),
    prisonerFilter: new LiteralPrefilter([lexicons.prisonerWords.patterns.join('|')]),
    hedgeFilter: new LiteralPrefilter([lexicons.hedges.patterns.join('|')]),
  };
}

/** A report's text as written (for quotes and offsets) and with look-alike letters normalised (for matching); same length. */
export interface CyrillicText {
  text: string;
  norm: string;
}
