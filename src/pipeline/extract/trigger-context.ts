import type { ClaimType } from '../../domain/types.js';
import { compilePattern } from '../../knowledge/text/compile-pattern.js';
import { isLetterUnit, isWhiteSpaceUnit } from '../../knowledge/text/characters.js';
import { compileOnFirstUse, testCompiled } from './machine-code.js';

/**
 * What the words around a claim-type trigger do to it, for every language: a negation right before
 * it, and a frame that makes the sentence say what a report looks into rather than what happened.
 * The words come from each language's triggers lexicon (`negation`, `openQuestions`).
 */
export interface TriggerContextLexicon {
  negation: {
    /** Words that deny what follows ("not", "never", "не"). */
    negators: string[];
    /** Endings that make a word a negator ("-n't"). */
    negatorEndings: string[];
    /** Negators that say it will not or cannot happen ("cannot", "won't", "нельзя"). */
    modalNegators: string[];
    /** Words right before a negator that make it modal ("will", "must" in "will not"). */
    modalsBefore: string[];
    /** Words between a negator and the trigger that make it modal ("будут", "можуть" in "не будут помилованы"). */
    modalsBetween: string[];
    /** Auxiliaries and adverbs that may stand between a negator and the trigger ("been", "yet", "были"). */
    between: string[];
    /**
     * What makes a release only hoped for, right before its trigger ("the prospect of a pardon",
     * "hoping for early release"): a pattern ending where the trigger starts.
     */
    hopedFor: string;
  };
  /**
   * Frames of an open question ("found out why", "мы рассказываем о том, как"): the triggers after
   * one are not the report's facts. `cue` matches a word every frame has (its question word), so
   * that most sentences are passed over at the cost of one short scan.
   */
  openQuestions: { pattern: string; cue: string };
}

/** Whether a trigger is negated: `denied` (the event did not happen), `ruled` (it will not or cannot: a rule about it). */
export type Negation = 'denied' | 'ruled' | undefined;

/**
 * Types whose triggers a negation denies. A negated rule is still a rule ("will not be allowed"),
 * and a count that did not change is still a count ("had not decreased"): policy and population
 * keep theirs.
 */
const NEGATABLE: ReadonlySet<ClaimType> = new Set<ClaimType>(['recruitment', 'transfer', 'release', 'abuse', 'death', 'detention']);

/** Whether a negation can deny a trigger of `type`. */
export const isNegatable = (type: ClaimType): boolean => NEGATABLE.has(type);

/** How far back from a release trigger its hope is looked for ("the prospects of an early "). */
const HOPE_REACH = 40;

/** At most this many words between a negator and the trigger ("would not yet have been …"). */
const MAX_BETWEEN = 4;

/** The context rules of one language, compiled once. */
export class TriggerContext {
  readonly #negators: ReadonlySet<string>;
  readonly #negatorEndings: readonly string[];
  readonly #modalNegators: ReadonlySet<string>;
  readonly #modalsBefore: ReadonlySet<string>;
  readonly #modalsBetween: ReadonlySet<string>;
  readonly #between: ReadonlySet<string>;
  readonly #hopedFor: RegExp;
  readonly #openQuestion: RegExp;
  /** A question word, without which a sentence has no open-question frame. */
  readonly #openQuestionCue: RegExp;

  constructor(lexicon: TriggerContextLexicon) {
    const lower = (words: string[]) => new Set(words.map((w) => w.toLowerCase()));
    const n = lexicon.negation;
    this.#negators = lower(n.negators);
    this.#negatorEndings = n.negatorEndings.map((w) => w.toLowerCase());
    this.#modalNegators = lower(n.modalNegators);
    this.#modalsBefore = lower(n.modalsBefore);
    this.#modalsBetween = lower(n.modalsBetween);
    this.#between = lower(n.between);
    this.#hopedFor = compilePattern(String.raw`(?<![\p{L}\p{N}])(?:${n.hopedFor})\s+$`, 'iu');
    this.#openQuestion = compilePattern(String.raw`(?<![\p{L}\p{N}])(?:${lexicon.openQuestions.pattern})(?![\p{L}\p{N}])`, 'iu');
    this.#openQuestionCue = compilePattern(String.raw`(?<![\p{L}\p{N}])(?:${lexicon.openQuestions.cue})(?![\p{L}\p{N}])`, 'iu');
  }

  /**
   * How a trigger of `type` at `at` in `sentence` is negated, if it is: the words before it, read
   * backwards over spaces only, are a negator after at most a few auxiliaries and adverbs ("did not
   * threaten", "have never been released": denied), or a modal one ("won't be pardoned", "cannot
   * be released", "не будут помилованы": ruled). Punctuation in between ends the search, and
   * "not only" is no negation ("only" is not a word allowed between). A release only hoped for
   * ("the prospect of a pardon") is denied too.
   */
  negationAt(type: ClaimType, sentence: string, at: number): Negation {
    if (!NEGATABLE.has(type)) return undefined;
    // A release only hoped for has not happened: "the prospect of a pardon", "hoping for early release".
    if (type === 'release' && this.#hopedFor.test(sentence.slice(Math.max(0, at - HOPE_REACH), at))) return 'denied';
    let end = at;
    let modal = false;
    for (let words = 0; words <= MAX_BETWEEN; words++) {
      const word = wordBefore(sentence, end);
      if (!word) return undefined;
      const text = sentence.slice(word.start, end - word.spaces).toLowerCase();
      if (this.#modalNegators.has(text)) return 'ruled';
      if (this.#negators.has(text) || this.#negatorEndings.some((e) => text.length > e.length && text.endsWith(e))) {
        const previous = wordBefore(sentence, word.start);
        const before = previous ? sentence.slice(previous.start, word.start - previous.spaces).toLowerCase() : '';
        return modal || this.#modalsBefore.has(before) ? 'ruled' : 'denied';
      }
      if (this.#modalsBetween.has(text)) modal = true;
      else if (!this.#between.has(text)) return undefined;
      end = word.start;
    }
    return undefined;
  }

  /**
   * The scores (of a sentence starting at `start` in its text) whose trigger comes before any
   * open-question frame: "Bumaga found out why these women agreed to go to war" says what a report
   * looks into, not a fact it states.
   */
  beforeOpenQuestion<T extends { at: number }>(scores: T[], sentence: string, start: number): T[] {
    const end = start + this.openQuestionEnd(sentence);
    return end === Infinity ? scores : scores.filter((s) => s.at < end);
  }

  /**
   * Where the first open-question frame of `sentence` ends, or Infinity: the triggers after it are
   * what a report sets out to tell ("Bumaga found out why these women agreed to go to war"), not
   * facts it states.
   */
  openQuestionEnd(sentence: string): number {
    if (!testCompiled(this.#openQuestionCue, sentence)) return Infinity;
    compileOnFirstUse(this.#openQuestion, sentence);
    const m = this.#openQuestion.exec(sentence);
    return m ? m.index + m[0].length : Infinity;
  }
}

/**
 * The word that ends, after some white space, right before `end`: where it starts and how many
 * spaces follow it; undefined when something else (punctuation, the sentence's start) comes first.
 * A word is letters, marks and apostrophes ("didn’t", "з’ясували").
 */
function wordBefore(sentence: string, end: number): { start: number; spaces: number } | undefined {
  let i = end;
  while (i > 0 && isWhiteSpaceUnit(sentence.charCodeAt(i - 1))) i--;
  const spaces = end - i;
  if (spaces === 0) return undefined;
  let start = i;
  while (start > 0 && isWordUnit(sentence, start - 1)) start--;
  return start < i ? { start, spaces } : undefined;
}

const MARK = /\p{M}/u;
/** A letter, a combining mark or an apostrophe: what the words a negation walk reads are made of. */
function isWordUnit(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  return isLetterUnit(c) || c === 0x27 || c === 0x2019 || (c >= 0x80 && MARK.test(text[i]));
}
