import type { ClaimType } from '../../domain/types.js';
import { compilePattern } from '../../knowledge/text/compile-pattern.js';

/**
 * What the words around a claim-type trigger do to it, for every language: a negation right before
 * it, and a frame that makes the sentence say what a report looks into rather than what happened.
 * The words come from each language's triggers lexicon (`negation`, `openQuestions`).
 */
export interface TriggerContextLexicon {
  negation: {
    /** Negators that say an event will not or cannot happen ("won't", "cannot", "не будут"). */
    modal: string;
    /** Negators that say it did not ("not", "never", "-n't", "не"). */
    plain: string;
    /** Auxiliaries and adverbs that may stand between a negator and the trigger ("been", "yet", "были"). */
    between: string;
  };
  /** Frames of an open question ("found out why", "мы рассказываем о том, как"): the triggers after one are not the report's facts. */
  openQuestions: { pattern: string };
}

/** Whether a trigger is negated: `denied` (the event did not happen), `ruled` (it will not or cannot: a rule about it). */
export type Negation = 'denied' | 'ruled' | undefined;

/** How far back from a trigger a negation is looked for: the negator and a few short words. */
const NEGATION_REACH = 48;

/**
 * Types whose triggers a negation denies. A negated rule is still a rule ("will not be allowed"),
 * and a count that did not change is still a count ("had not decreased"): policy and population
 * keep theirs.
 */
const NEGATABLE: ReadonlySet<ClaimType> = new Set<ClaimType>(['recruitment', 'transfer', 'release', 'abuse', 'death', 'detention']);

/** The context rules of one language, compiled once. */
export class TriggerContext {
  readonly #negation: RegExp;
  readonly #openQuestion: RegExp;

  constructor(lexicon: TriggerContextLexicon) {
    const { modal, plain, between } = lexicon.negation;
    // Ends where the trigger starts: a negator, then only the words allowed between.
    this.#negation = compilePattern(String.raw`(?<![\p{L}\p{N}])(?:(${modal})|(?:${plain}))\s+(?:(?:${between})\s+)*$`, 'iu');
    this.#openQuestion = compilePattern(String.raw`(?<![\p{L}\p{N}])(?:${lexicon.openQuestions.pattern})(?![\p{L}\p{N}])`, 'iu');
  }

  /** How a trigger of `type` at `at` in `sentence` is negated, if it is ("did not threaten", "won't be pardoned"). */
  negationAt(type: ClaimType, sentence: string, at: number): Negation {
    if (at === 0 || !NEGATABLE.has(type)) return undefined;
    const m = this.#negation.exec(sentence.slice(Math.max(0, at - NEGATION_REACH), at));
    if (!m) return undefined;
    return m[1] ? 'ruled' : 'denied';
  }

  /**
   * Where the first open-question frame of `sentence` ends, or Infinity: the triggers after it are
   * what a report sets out to tell ("Bumaga found out why these women agreed to go to war"), not
   * facts it states.
   */
  openQuestionEnd(sentence: string): number {
    const m = this.#openQuestion.exec(sentence);
    return m ? m.index + m[0].length : Infinity;
  }
}
