import type { Span } from '../../../domain/types.js';
import type { CyrillicLexicons } from './language.js';
import { matchesWhere, noLetterBefore } from '../scan.js';
import { compileOnFirstUse } from '../machine-code.js';
import { compilePattern } from '../../../knowledge/text/compile-pattern.js';

/** A source phrase cut out of a sentence (offsets into the sentence), with the name it gives. */
export interface SourcePhrase extends Span {
  name: string;
  alternatives?: string[];
  /** The name is a person's ("Ольга Романова"), so a genitive may be put back in the nominative. */
  person?: boolean;
}

const LEAD =
  /^(?:(?:и|а|но|также|тогда|однако|ранее|затем|кроме того|так|об этом|как|сегодня|теперь|позже|уже|еще|ещё|і|й|але|також|тоді|потім|раніше|про це|як|сьогодні|тепер|в|во|у|нам|мне|ему|им|журналистам|изданию|нам|журналістам|виданню|нашому виданню|нашему изданию|в эфире|в ефірі|в интервью|в інтерв['’]ю)(?:\s+|,\s*)|date \d{4}-\d\d-\d\d\s+)/iu;
/**
 * A time that opens the clause before the speaker ("В феврале 2023 года военная разведка
 * сообщила", "У лютому 2023 року ГУР повідомило"), once LEAD has taken its preposition: a month
 * in the prepositional case, a month's or year's start, middle or end, or a year; each with the
 * year when one follows. Months only in forms no name takes ("Мая" is a name, "мае" none).
 */
const TIME_LEAD =
  /^(?:(?:(?:начале|середине|конце|на початку|середині|кінці)\s+(?:января|февраля|марта|апреля|мая|июня|июля|августа|сентября|октября|ноября|декабря|січня|лютого|березня|квітня|травня|червня|липня|серпня|вересня|жовтня|листопада|грудня|года|року)|январе|феврале|марте|апреле|мае|июне|июле|августе|сентябре|октябре|ноябре|декабре|січні|лютому|березні|квітні|травні|червні|липні|серпні|вересні|жовтні|листопаді|грудні)(?:\s+\d{4}\s+(?:года|року|г\.))?|\d{4}\s+(?:году|року|г\.))(?:\s+|,\s*)/iu;
/**
 * Closing quotation marks are trimmed only when none opens before them. The lookahead lets that
 * look-behind (a walk back to the phrase's start) run only where the closing marks end the text,
 * rather than at every character tried: TAIL was the costliest pattern of the source finder.
 */
const TAIL = /(?:\s+(?:также|ранее|уже|нам|журналистам|изданию|тоже|теж|також|раніше|вже)|[\s.,:;!?]+|(?=[»"”]+$)(?<=^[^«"„“]*)[»"”]+)$/giu;
/** What TAIL's alternatives may start with, besides the word after the last space. */
const TAIL_CHAR = /[\s.,:;!?»"”]/u;
const SPACE = /\s/u;
const QUOTED = /[«"„“]([^»"“”]{2,60})[»"“”]/gu;
/** Phrases that are no speaker: pronouns of no one, and the topic a verb of telling is about ("О том, что…, рассказал…"). */
const STOP = /^(?:это|все|всё|кто|что|там|тут|так|мы|вы|я|ми|ви|це|хто|що|им|они говорят|люди|сообщения|повідомлення|В этом|В сообщении|о том|об этом|о чем|о чём|про то|про те|про це|про що)$/iu;
const WORDS_MAX = 9;

/**
 * Trims a phrase to the source it names: function words off its edges; a person named with a role
 * and an organisation ("глава фонда «Русь сидящая» Ольга Романова") is the person with the
 * organisation as an alternative; a quoted name ("издание «Сирена»") is the name. Null for a phrase
 * that names no one. A phrase after its verb must start like a name; one before it must open its clause.
 */
export function cleanSourcePhrase(
  sentence: string,
  start: number,
  end: number,
  lex: CyrillicLexicons['attribution'],
  position: 'after' | 'before' | 'anywhere' = 'anywhere',
): SourcePhrase | null {
  const raw = sentence.slice(start, end).trimStart();
  let s = start;
  let e = end;
  for (let guard = 0; guard < 6; guard++) {
    const text = sentence.slice(s, e);
    const lead = /^\s+/u.exec(text) ?? LEAD.exec(text) ?? TIME_LEAD.exec(text);
    const tail = tailOf(text);
    if (lead) s += lead[0].length;
    if (tail) e -= tail[0].length;
    if (!lead && !tail) break;
  }
  const phrase = sentence.slice(s, e);
  const words = phrase.split(/\s+/u).filter(Boolean);
  if (!words.length || words.length > WORDS_MAX || STOP.test(phrase) || !/\p{L}/u.test(phrase)) return null;
  const { roles, group, pronoun } = compile(lex, phrase);
  if (pronoun.test(phrase)) return { start: s, end: e, name: phrase };
  const startsLikeName = /^[\p{Lu}«"„“\d]/u.test(phrase) || roles.test(words[0]) || group.test(phrase);
  if (position === 'after' && !startsLikeName) return null;
  // Before its verb a speaker opens the clause ("В украинском Генштабе заявили"); a participle or
  // relative clause ("воевавший в составе ЧВК", "с которыми поговорила") is not one.
  if (position === 'before' && !(/^(?:[\p{Lu}«"„“\d]|(?:в|у|во)\s)/u.test(raw) || group.test(raw))) return null;

  const quoted = [...phrase.matchAll(QUOTED)].pop();
  const person = lastPerson(phrase, roles);
  if (person && (!quoted || person.index > (quoted.index ?? 0))) {
    return { start: s + person.index, end: s + person.index + person.text.length, name: person.text, person: true, ...(quoted ? { alternatives: [quoted[1]] } : {}) };
  }
  if (quoted) {
    const at = s + (quoted.index ?? 0) + 1;
    return { start: at, end: at + quoted[1].length, name: quoted[1] };
  }
  if (group.test(phrase)) return { start: s, end: e, name: phrase };
  // "повідомила омбудсман": an official named by office alone.
  if (roles.test(words[0]) && words.length <= 3) return { start: s, end: e, name: phrase, person: true };
  if (!/(?:^|\s)[\p{Lu}\d]/u.test(phrase)) return null;
  return { start: s, end: e, name: phrase, person: words.length === 1 && /^\p{Lu}\p{Ll}+$/u.test(phrase) };
}

/**
 * TAIL's match in `text`, looked for only where one can start: in the run of punctuation and space
 * that ends the text, or in the space before its last word. (An end-anchored pattern is otherwise
 * tried at every character of a long phrase.)
 */
export function tailOf(text: string): RegExpExecArray | null {
  let run = text.length;
  while (run > 0 && TAIL_CHAR.test(text[run - 1])) run--;
  let space = text.length;
  while (space > 0 && !SPACE.test(text[space - 1])) space--;
  while (space > 0 && SPACE.test(text[space - 1])) space--;
  TAIL.lastIndex = Math.min(run, space);
  return TAIL.exec(text);
}

const COMPILED = new WeakMap<CyrillicLexicons['attribution'], { roles: RegExp; group: RegExp; pronoun: RegExp }>();

/** The lexicon's role, group and pronoun patterns, compiled once per lexicon. */
function compile(lex: CyrillicLexicons['attribution'], like: string): { roles: RegExp; group: RegExp; pronoun: RegExp } {
  let compiled = COMPILED.get(lex);
  if (!compiled) {
    compiled = {
      roles: compilePattern(`^(?:${lex.roles.join('|')})$`, 'iu'),
      group: compilePattern(`^(?:${lex.groups.join('|')})(?![\\p{L}])`, 'iu'),
      pronoun: compilePattern(`^(?:${lex.pronouns.join('|')})$`, 'iu'),
    };
    // All three are tried on the first phrase already.
    for (const re of Object.values(compiled)) compileOnFirstUse(re, like);
    COMPILED.set(lex, compiled);
  }
  return compiled;
}

/** The last run of two or three capitalised Cyrillic words that are not role words ("Анна Скрипка"); it starts a name (see startsName). */
const PERSON = compilePattern(String.raw`(\p{Lu}\p{Ll}+(?:-\p{Lu}\p{Ll}+)?)(?:\s+(\p{Lu}\p{Ll}+(?:-\p{Lu}\p{Ll}+)?)){1,2}(?![\p{L}»"”])`, 'gu');

/** What `(?<![\p{L}«"„“])` asked of a name's start, checked in code (faster than a leading lookbehind). */
const startsName = (s: string, index: number): boolean => noLetterBefore(s, index) && (index === 0 || !'«"„“'.includes(s[index - 1]));

function lastPerson(phrase: string, roles: RegExp): { index: number; text: string } | undefined {
  let found: { index: number; text: string } | undefined;
  for (const m of matchesWhere(PERSON, phrase, startsName)) {
    let text = m[0];
    let index = m.index ?? 0;
    const first = text.split(/\s+/u)[0];
    if (roles.test(first)) {
      text = text.slice(first.length).trimStart();
      index += m[0].length - text.length;
      if (!/\s/u.test(text)) continue;
    }
    if (!/\p{Script=Cyrillic}/u.test(text)) continue;
    found = { index, text };
  }
  return found;
}
