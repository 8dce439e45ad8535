import lexicon from '../../../knowledge/lexicons/en/attribution.json' with { type: 'json' };
import { namedValue } from '../provenance.js';
import { anywhere, matchesWhere } from '../scan.js';
import { testCompiled } from '../machine-code.js';
import { isAbbreviation } from '../../segment/sentences.js';
import type { NamedValue, Span } from '../../../domain/types.js';
import { compilePattern } from '../../../knowledge/text/compile-pattern.js';

/** What the document has said so far, for resolving "he said" and "the human rights defender". */
export interface AttributionMemory {
  lastPerson?: NamedValue;
  lastGroup?: NamedValue;
  last?: NamedValue;
}

const VERBS = lexicon.verbs.filter((v) => v !== 'according').map((v) => v.replace(/ /gu, '\\s+')).join('|');
const ROLES = lexicon.appositiveRoles.join('|');
/** An attribution verb; it must start a word (checked by matchesWhere, which is faster than a leading lookbehind). */
const VERB_RE = compilePattern(`(?:${VERBS})(?![\\p{L}])`, 'gu');
/** "according to X" and its kin; must start a word (see VERB_RE). */
const ACCORDING_RE =
  /(?:[Aa]ccording to|(?:information|data|statistics) from(?: the organi[sz]ations?)?|with reference to|[Cc]iting|[Aa]s per|[Ii]n (?:the words of|comments to|remarks to|an interview with|a statement to)|[Bb]y the words of|(?:reported|revealed|told|stated|said|cited|confirmed) by(?!\s+(?:name|phone|telephone|e-?mail|mail|post|letter|law|decree|force|hand|text|message|video|default|mistake|accident|chance|far|now|then)\b))\s+/gu;
/**
 * "…, per (the Russian newspaper) Kommersant": after a comma or a closing quotation mark. Kept out of
 * ACCORDING_RE, where it made every sentence's scan markedly slower, and run only on a sentence holding " per ".
 */
const PER_RE = compilePattern(String.raw`(?<=[,”"’] )per\s+(?=(?:the\s+(?:\p{Ll}+\s+){0,2})?\p{Lu})`, 'gu');
/**
 * "…,” said Ruslan Osadchyi", "…,” noted opposition politician Ivan Petrov": the verb before the speaker (and a
 * description of him), after a quotation; the name ends the clause ("X, says the Kremlin took …" names no speaker).
 */
const INVERTED_RE =
  /[,”"’]\s*(?:said|says|added|adds|explained|recalled|recalls|continued|noted|notes|wrote|stated|warned|insisted|told [A-Z][\p{L}]+)\s+(?:(?:the |a |an )?(?:\p{Lu}[\p{L}-]+ )?(?!(?:that|as|in|on|at|by|to|from|for|with|it|this|there|during|after|before|when|while|last|earlier|later|then|also|and|but)\b)(?:\p{Ll}[\p{L}-]* ){1,4}?)?((?:(?:Mr|Mrs|Ms|Dr)\.\s)?\p{Lu}[\p{L}’'-]+(?: \p{Lu}[\p{L}’'-]+){0,2})(?=\s*[,.;:!?)(”"’]|\s+(?:of|who|from|in|at|on)\b|$)/gu;
const SOURCE_LINE_RE = /^(?:Source|Sources|Джерело|Источник)\s*:\s*/u;
const TOLD_OBJECT_RE =
  /^(?:told|tells|said to|confirmed [^,.]{0,40}?to|explained to|reported to|cited|cites|quoted|quotes)\s+((?:(?:two|three|four|five|several|many|some|local|anonymous) )?(?:lawyers|sources|relatives|officials|activists|witnesses|prisoners|inmates|former inmates|journalists|reporters)(?=[ ,.]|$)|(?:(?:independent |Russian |Ukrainian |online )?(?:news )?(?:outlet|publication|newspaper|website|media|magazine) )?(?:the )?(?:[A-Z]|[a-z](?=[A-Z]))[\p{L}’'-]*(?:[ .][A-Z][\p{L}’'-]*){0,3})/u;
const ROLE_RE = compilePattern(`^(?:the |a |an )?(?:[a-z’'-]+ ){0,2}(?:${ROLES})\\b`, 'u');
const GROUP_WORDS =
  /^(?:(?:the |many |some |several |two |three |four |local |former |\w+ )?(?:relatives|activists|lawyers|officials|prisoners|inmates|convicts|journalists|reporters|sources|residents|detainees|families|family members|sister|wife|mother|witnesses|experts|media|outlets|publications|newspapers|rights (?:groups|defenders|activists)|(?:official|lawmaker|lawyer|activist|inmate|prisoner|relative|investigator|journalist|witness|expert)\b|human rights (?:activists|defenders|groups|organizations|organisations)|recruits|soldiers|authorities|police))/iu;
/** A document named as where the information comes from (GUIDE: Documents as sources): "a captured document published by…", "the bill's explanatory note". */
const DOCUMENT = compilePattern(String.raw`^(?:[\p{L}’'-]+ ){0,3}(?:document|note|memo|memorandum|letter|database|ruling|verdict|indictment|court papers|filing|leaked \p{L}+)s?(?: |$)`, 'iu');
/** What "the ministry", "the same outlet" may stand for: the last group or organisation named. */
const ORGANISATION_NOUNS = String.raw`ministry|publication|outlet|report|agency|organi[sz]ation|watchdog|newspaper|source|(?:military )?intelligence(?: service| agency| directorate)?|(?:security |penitentiary |prison )?service|directorate|cent(?:er|re)`;
/** What "the official", "the human rights defender" may stand for: the last person named. */
const PERSON_NOUNS = 'human rights defender|activist|official|lawyer|sister|woman|man|prosecutor|ombudsman';
const PRONOUN_RE = compilePattern(`^(?:he|she|they|him|her|them|(?:the )?(?:same )?(?:${PERSON_NOUNS}|${ORGANISATION_NOUNS}))$`, 'iu');
const ORGANISATION_REFERENCE = compilePattern(`(?:${ORGANISATION_NOUNS})$`, 'iu');
const LEAD_TRIM = compilePattern(String.raw`^(?:(?:As|In|On|By|Since|Last|Earlier|Later|Early|Late|Back in)(?: (?:early|late|mid-?))?(?: (?:January|February|March|April|May|June|July|August|September|October|November|December|week|month|year|spring|summer|autumn|fall|winter))?(?: \d{1,2})?,?(?: \d{4})?,?\s+(?=\p{Lu}|(?:a|an|the) )|As\s+(?=\p{Ll})|(?:[Hh]is|[Hh]er|[Tt]heir|[Mm]y|[Oo]ur)\s+(?:brother|sister|mother|father|son|daughter|wife|husband|partner|cousin|uncle|aunt|nephew|niece|lawyer|attorney|friend|colleague)\s+(?=\p{Lu})|(?:Mr|Mrs|Ms|Dr)\.?\s+(?=\p{Lu})|(?:[Aa]fter|[Ww]hen|[Ww]hile|[Bb]ecause|[Aa]lthough|[Tt]hough|[Oo]nce|[Uu]ntil|[Ww]hereas)\s+(?=\p{Lu}|(?:the|a|an|former|many|some|several|local) )|(?:[Bb]ut|[Aa]nd|[Ww]ith|[Hh]owever|[Mm]eanwhile|[Aa]lso|[Ee]arlier|[Ll]ater|[Tt]hen|[Nn]ow|[Ss]o|[Tt]hus|[Pp]reviously|[Ii]n addition|[Mm]oreover|[Bb]oth)\b[ ,]*|(?:[Tt]he|[Aa]n?)\s+)`, 'u');
/** A label heading the sentence ("Details: The convicts…", "Quote: …"), which no speaker's name begins with. */
const LABEL = compilePattern(String.raw`^\p{Lu}\p{Ll}+:\s+`, 'u');
/** "Activists received several reports that…": what the speaker received is no part of its name. */
const RECEIVED = /\s+(?:have |has |had )?received(?: (?:several|many|numerous|multiple|some|\d+))?$/u;
/** A speech verb inside a speaker's phrase: it is the tail of an earlier attribution ("…,” the ministry said in an update published…"). */
const SPEECH_INSIDE = /\s(?:said|says|told|tells|stated|added|wrote|noted|explained|claimed)\s/u;
const TAIL_TRIM = /(?:\s+(?:also|has|have|had|previously|earlier|later|then|recently|first|firstly|further|once|had also|has also|would|who|which|that))+$/u;
/** A subordinator with no comma after it before the attribution verb: the speaker follows the last one. */
const SUBORDINATOR = / (?:after|when|while|because|although|though|once|until|whereas) (?=[^,]*$)/gu;
const HEDGED_BEFORE = /(?:is|are|was|were|been|be) $/u;
/** The auxiliary of "was quoted as saying", which the speaker precedes. */
const QUOTED_AUXILIARY = /(?:is|are|was|were) $/u;
const NEGATED_BEFORE = /\b(?:not|never|no longer|n[’']t) $/u;
const INSTRUCTION = /^told (?:him|her|them|us|me|the \w+) to\b/u;
/** "reported by X": the according-to reading has it. */
const AGENT_AFTER = /(?:reported|revealed|told|stated|said|cited|confirmed) by\s*$/u;
const DATA_WORDS = /^(?:(?:the |a )?(?:recent |new |latest |own )?(?:statistics|data|figures|information|accounts|reports?|documents?|testimony|estimates|discovery|investigation|analysis|study|reporting) (?:from|of|by)\s+)/u;

/**
 * Sources a sentence attributes its statement to: "according to X", "X said", "X told Y", "citing X",
 * "Source: X". Pronouns and role nouns ("he", "the human rights defender") resolve to the last named source.
 */
export function findSources(text: string, range: Span, memory: AttributionMemory): NamedValue[] {
  const sentence = text.slice(range.start, range.end);
  const found: NamedValue[] = [];

  const line = sentence.match(SOURCE_LINE_RE);
  if (line) for (const v of splitList(text, range.start + line[0].length, range.end, 'en.source.source-line')) addSource(found, v);

  const according = matchesWhere(ACCORDING_RE, sentence);
  if (sentence.includes(' per ')) according.push(...matchesWhere(PER_RE, sentence));
  for (const m of according) {
    const from = (m.index ?? 0) + m[0].length;
    const to = phraseEnd(sentence, from);
    for (const v of splitList(text, range.start + from, range.start + to, 'en.source.according-to')) addSource(found, resolve(v, memory));
  }

  for (const m of matchesWhere(VERB_RE, sentence)) {
    let at = m.index ?? 0;
    // "she was quoted as saying": the speaker comes before the auxiliary.
    if (m[0].charCodeAt(0) === 113 /* q */) {
      const auxiliary = QUOTED_AUXILIARY.exec(sentence.slice(Math.max(0, at - 6), at));
      if (!auxiliary) continue;
      at -= auxiliary[0].length;
    }
    // "is said to have sent" hedges; it names no one.
    else if (HEDGED_BEFORE.test(sentence.slice(Math.max(0, at - 6), at))) continue;
    // "told him to wait" is an instruction, not an attribution.
    if (INSTRUCTION.test(sentence.slice(at, at + 30))) continue;
    if (AGENT_AFTER.test(sentence.slice(at, at + m[0].length + 4))) continue;
    // "prisoners no longer believe the promises", "the ministry did not say": no statement is attributed.
    if (NEGATED_BEFORE.test(sentence.slice(Math.max(0, at - 12), at))) continue;
    const subject = subjectBefore(text, range.start, at);
    if (subject) addSource(found, resolve(subject, memory));
    const object = sentence.slice(at).match(TOLD_OBJECT_RE);
    if (object) {
      const start = range.start + at + object[0].length - object[1].length;
      addSource(found, cleanPhrase(text, start, start + object[1].length, 'en.source.told-object'));
    }
  }
  found.sort((a, b) => a.span.start - b.span.start);
  for (const m of matchesWhere(INVERTED_RE, sentence, anywhere)) {
    const start = range.start + (m.index ?? 0) + m[0].length - m[1].length;
    addSource(found, cleanPhrase(text, start, start + m[1].length, 'en.source.inverted'));
  }
  for (const v of found) remember(v, memory);
  return found;
}

/**
 * Adds a source unless one of the same name overlaps it. Here and below, helpers are module
 * functions rather than closures made per call: under esbuild's keepNames (tsx, and the worker
 * bundle) each such closure is named by a defineProperty, about a tenth of findSources' time.
 */
function addSource(found: NamedValue[], value: NamedValue | null | undefined): void {
  if (!value || found.some((f) => f.span.start < value.span.end && value.span.start < f.span.end && f.name === value.name)) return;
  found.push(value);
}

/** The noun phrase before an attribution verb, or null when it is not a speaker. */
function subjectBefore(text: string, offset: number, verbAt: number): NamedValue | null {
  const before = text.slice(offset, offset + verbAt);
  // The clause starts after a quotation (…,” she said; …” he said), a semicolon, "that", or a
  // subordinator ("…, after former detainees reported").
  const that = before.search(/ that [^,]*$/u);
  const cut = Math.max(lastMatchEnd(QUOTE_END, before), before.lastIndexOf(';'), that >= 0 ? that + 5 : -1, lastMatchEnd(SUBORDINATOR, before));
  const clause = before.slice(cut + 1);
  const segments = clause.split(/,\s*/u);
  let last = segments.pop()?.trim() ?? '';
  if (!last && segments.length) last = segments.pop()?.trim() ?? '';
  if ((testCompiled(ROLE_RE, last) || /^of [A-Z]/u.test(last)) && segments.length) {
    const name = segments.pop()!.trim();
    const role = last;
    const at = offset + before.lastIndexOf(name, before.lastIndexOf(role));
    const value = cleanPhrase(text, at, at + name.length, 'en.source.appositive');
    const org = role.match(/([A-Z][\p{L}.’'-]*(?: (?:[A-Z][\p{L}.’'-]*|of|for|the))*(?: [A-Z][\p{L}.’'-]*)?)\s*$/u)?.[1];
    if (value && org && org !== value.name) value.alternatives = [org];
    return value;
  }
  const words = last.split(/\s+/u).filter(Boolean);
  if (!words.length || words.length > 9) return null;
  const at = offset + before.lastIndexOf(last);
  const value = cleanPhrase(text, at, at + last.length, 'en.source.subject');
  if (!value) return null;
  // A speaker is a name, a group of people, a pronoun, or a description ending in a name ("online publication Agentstvo").
  const ok = /^[\p{Lu}“"«]/u.test(value.name) || /\s\p{Lu}[\p{L}.’'-]+$/u.test(value.name) || testCompiled(GROUP_WORDS, value.name) || PRONOUN_RE.test(value.name);
  // A document is named up to its noun: "a captured document (published by a soldier)".
  const document = ok ? null : value.name.match(DOCUMENT);
  if (document) return cleanPhrase(text, value.span.start, value.span.start + document[0].trimEnd().length, 'en.source.document');
  if (!ok || /^(?:It|This|That|There|What|Which|Who|One|Some|All|Many)$/u.test(value.name)) return null;
  if (SPEECH_INSIDE.test(value.name)) return null;
  // A time or a clause is no speaker: "in January", "July 2022", "Convicts pardoned by Putin".
  if (/^(?:in|on|at|by|since|during|after|before|then)\b/iu.test(value.name) || /^(?:January|February|March|April|May|June|July|August|September|October|November|December)\b/u.test(value.name)) return null;
  if (/\b(?:pardoned|recruited|released|sentenced|convicted|who|which|when)\b/u.test(value.name)) return null;
  return value;
}

/** A quotation closed after punctuation, or by a closing mark the lower-case speaker follows ("…it is not” he said). */
const QUOTE_END = /[,.!?…]\s*[”"’]|”(?=\s+\p{Ll})/gu;

/**
 * Where the last match of the global `re` in `text` ends, less one (-1 when none): the closing mark of the
 * last quotation (QUOTE_END), the space after the last subordinator (SUBORDINATOR).
 */
function lastMatchEnd(re: RegExp, text: string): number {
  let end = -1;
  re.lastIndex = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) end = m.index + m[0].length - 1;
  return end;
}

/** Where a source phrase after "according to" ends. */
function phraseEnd(sentence: string, from: number): number {
  const rest = sentence.slice(from);
  PHRASE_STOP.lastIndex = 0;
  for (let stop = PHRASE_STOP.exec(rest); stop; stop = PHRASE_STOP.exec(rest)) {
    // "according to decree No. 123", "according to Vladimir V. Putin": a full stop after an abbreviation or an initial goes on.
    if (stop[0] === '.' && isAbbreviation(rest, stop.index)) continue;
    return from + stop.index;
  }
  return from + rest.length;
}

const PHRASE_STOP = /[,;:.!?(—–]|\s(?:that|who|which|while|though|although|because|as|in (?:a|an|the) (?:report|statement|update|interview))\s/gu;

/** Splits "Ukrainian officials and an independent watchdog" into two sources. */
function splitList(text: string, start: number, end: number, rule: string): NamedValue[] {
  const phrase = text.slice(start, end);
  const out: NamedValue[] = [];
  let at = 0;
  for (const part of phrase.split(/(?:,\s*|\s+and\s+)/u)) {
    const i = phrase.indexOf(part, at);
    at = i + part.length;
    const v = cleanPhrase(text, start + i, start + i + part.length, rule);
    if (v) out.push(v);
  }
  return out;
}

const LEADING_SPACE = /^\s+/u;
const OPENING_QUOTES = /^[“"‘«]+/u;
const TRAILING_SPACE = /\s+$/u;
const CLOSING_QUOTES = /[”"’)\]]+$/u;
const TRAILING_CONJUNCTION = /\s+(?:and|or|but)$/u;

/** How long a match of the anchored `trim` in `text.slice(s, e)` is (0: none), the length to cut. */
function trimmed(trim: RegExp, text: string, s: number, e: number): number {
  return trim.exec(text.slice(s, e))?.[0].length ?? 0;
}

/** Trims function words and data nouns from a phrase; null when nothing name-like is left. */
function cleanPhrase(text: string, start: number, end: number, rule: string): NamedValue | null {
  let s = start;
  let e = end;
  let n: number;
  while ((n = trimmed(LEADING_SPACE, text, s, e) || trimmed(LABEL, text, s, e) || trimmed(LEAD_TRIM, text, s, e) || trimmed(DATA_WORDS, text, s, e))) s += n;
  while ((n = trimmed(OPENING_QUOTES, text, s, e) || trimmed(LEADING_SPACE, text, s, e) || trimmed(LEAD_TRIM, text, s, e) || trimmed(DATA_WORDS, text, s, e))) s += n;
  while ((n = trimmed(TRAILING_SPACE, text, s, e) || trimmed(TAIL_TRIM, text, s, e) || trimmed(RECEIVED, text, s, e) || trimmed(CLOSING_QUOTES, text, s, e) || trimmed(TRAILING_CONJUNCTION, text, s, e))) e -= n;
  // The law a claim is about is not its source (GUIDE: Documents as sources).
  if (/^(?:(?:the|a) )?(?:signed |new |current )?(?:law|bill|decree|code|legislation)$/iu.test(text.slice(s, e))) return null;
  if (e - s < 2 || !/\p{L}/u.test(text.slice(s, e))) return null;
  // "Olga Romanova of Russia Behind Bars": a person and the organisation she speaks for.
  const affiliation = text.slice(s, e).match(/^(\p{Lu}\p{Ll}+ \p{Lu}\p{Ll}+) of (?:the )?(\p{Lu}.*)$/u);
  if (affiliation) return namedValue(text, s, s + affiliation[1].length, rule, { alternatives: [affiliation[2]] });
  return namedValue(text, s, e, rule);
}

function resolve(value: NamedValue, memory: AttributionMemory): NamedValue {
  if (!PRONOUN_RE.test(value.name)) return value;
  const plural = /^(?:they|them)$/iu.test(value.name);
  const organisation = ORGANISATION_REFERENCE.test(value.name);
  const target = plural || organisation ? (memory.lastGroup ?? memory.last) : (memory.lastPerson ?? memory.last);
  if (!target) return value;
  return { ...value, name: target.name, alternatives: target.alternatives, entityId: target.entityId, certainty: 'implied', rule: `${value.rule}+pronoun` };
}

const ORGANISATION_WORDS = /\b(?:Ministry|Service|Group|Office|News|Times|Bars|Media|Post|Independent|Staff|Police|Directorate|Center|Centre|Court|Duma|Foundation|Project|Agency|Committee|Council|Forces|Army|Government|Administration)\b/u;

function remember(value: NamedValue, memory: AttributionMemory): void {
  memory.last = value;
  const words = value.name.split(/\s+/u);
  const known = memory.lastPerson && words.length === 1 && memory.lastPerson.name.split(/\s+/u).includes(words[0]);
  const person =
    value.rule === 'en.source.appositive' ||
    known ||
    (words.length >= 2 && words.length <= 3 && words.every((w) => /^\p{Lu}[\p{Ll}’'-]+$/u.test(w)) && !ORGANISATION_WORDS.test(value.name));
  if (known && memory.lastPerson?.alternatives && !value.alternatives) value.alternatives = memory.lastPerson.alternatives;
  if (person) memory.lastPerson = known ? memory.lastPerson : value;
  else memory.lastGroup = value;
}
