import lexicon from '../../../knowledge/lexicons/en/actors.json' with { type: 'json' };
import { namedValue } from '../provenance.js';
import { matchesWhere } from '../scan.js';
import { LiteralPrefilter } from '../literal-prefilter.js';
import type { NamedValue, Span } from '../../../domain/types.js';
import { compilePattern } from '../../../knowledge/text/compile-pattern.js';

// Plain-ASCII patterns with \b boundaries run several times faster than Unicode look-arounds.
const ACTORS = lexicon.actors.map((a) => ({
  id: a.id,
  re: compilePattern(`\\b(?:${a.pattern})\\b`, a.caseSensitive ? 'g' : 'gi'),
}));
/** Which actor patterns may match a sentence (the others are not run). */
const ACTOR_PREFILTER = new LiteralPrefilter(lexicon.actors.map((a) => a.pattern), { anywhere: true });
/** "Russia had recruited", "Moscow is taking steps": the country as the doer of the act (starting a word: matchesWhere checks). */
const COUNTRY_AS_DOER = compilePattern(String.raw`(Russia|Moscow)(?![’'\p{L}])(?= (?:has |had |have |is |was |were |also |then |now |likely |reportedly |allegedly |initially |previously |been |already |actively |directly |trying to |‘trying to |'trying to ){0,3}(?:recruit|us|took|tak|transfer|sen[dt]|deport|releas|free|held|hold|sentenc|pardon|mov|forc|attack|kill|tortur|detain|imprison|bring|brought|resort|turn|offer|continu|start|beg[au]n|plan|creat|form|tap))`, 'gu');
/** "by inspectors": the agent of a passive (starting a word). */
const BY_AGENT = compilePattern(String.raw`by (?:the )?((?:Russian |Ukrainian )?[A-Z][\p{L}’'-]+(?: [A-Z][\p{L}’'-]+){0,3}|guards|inspectors|recruiters|occupiers|interrogators|“inspectors”)`, 'gu');

const NOT_DOER_AFTER = /^(?:[’‘']s? (?:[\w-]+ )?(?:withdrawal|retreat|death|founder|leader|head|chief|owner|spokes\w+|losses|war|invasion)\b| (?:retreated|withdrew|fled)\b)/u;
const NOT_DOER_BEFORE = /\b(?:to|of|from|with|than|like|against|about|for|on|between)(?: the)? $/u;
/**
 * "representatives of the Ministry of Defence", "recruiters from the Wagner Group", "the head of the
 * Wagner group": people acting for the organisation, so the organisation is the doer after all.
 */
const ACTING_FOR = /\b(?:representatives?|recruiters?|officers?|officials?|employees?|staff|members?|heads?|leaders?|chiefs?|commanders?|department|units?|delegations?|teams?|spokes(?:man|men|woman|women|person|people)|agents?|envoys?|emissaries) (?:of|from) (?:the )?$/iu;

/**
 * "Wagner Group leader Yevgeny Prigozhin announced that his mercenary group would stop recruiting",
 * "… estimated that he had recruited 50,000 inmates": what the speaker reports is his own (or his
 * organisation's) act, so the organisation named in the speaker's phrase is the doer.
 */
const SPEAKER_AS_DOER = /^[^.;]{0,40}? that (?:he|she|his|her)\b(?: (?!(?:was|were|been|being|is|are|be)\b)[\p{L}-]+){0,5}? (?:had |has |have |would |will |no longer |not |already |personally |be (?=\p{L}+ing\b))*(?:recruit|transferr|mov|sen[dt]|releas|pardon|deport|detain|held|hold|tortur|beat)/u;

/** Who recruited, moved, held, released or abused prisoners in a sentence; spans inside `exclude` (sources) are skipped, unless the speaker reports his own act (SPEAKER_AS_DOER). */
export function findActors(text: string, range: Span, exclude: Span[] = []): NamedValue[] {
  const sentence = text.slice(range.start, range.end);
  const found: NamedValue[] = [];
  const ownAct: NamedValue[] = [];
  const add = (start: number, end: number, rule: string, entityId?: string) => {
    const s = range.start + start;
    const e = range.start + end;
    const speaker = exclude.find((x) => s < x.end && e > x.start);
    if (speaker) {
      // A name inside the speaker's phrase is a doer only when the speaker reports his own act.
      if (rule === 'en.actor.lexicon' && SPEAKER_AS_DOER.test(text.slice(speaker.end, range.end))) ownAct.push(namedValue(text, s, e, 'en.actor.speaker-as-doer', { entityId }));
      return;
    }
    if (found.some((f) => s < f.span.end && e > f.span.start)) return;
    // "Kremlin-backed", "pro-Putin", "Russian troops' withdrawal", "Putin's full-scale invasion",
    // "Russian troops retreated", "Wagner's founder", "a letter to Putin",
    // "on the model of the Wagner PMC": not the doer.
    if (text[e] === '-' || text[s - 1] === '-' || NOT_DOER_AFTER.test(text.slice(e, e + 24)) || (NOT_DOER_BEFORE.test(text.slice(Math.max(0, s - 24), s)) && !ACTING_FOR.test(text.slice(Math.max(0, s - 40), s)))) return;
    const value = namedValue(text, s, e, rule, { entityId });
    value.name = value.name.replace(/^the /iu, '');
    found.push(value);
  };
  const candidates = ACTOR_PREFILTER.candidates(sentence);
  for (const [i, actor] of ACTORS.entries()) {
    if (!candidates[i]) continue;
    for (const m of sentence.matchAll(actor.re)) add(m.index ?? 0, (m.index ?? 0) + m[0].length, 'en.actor.lexicon', actor.id);
  }
  for (const m of matchesWhere(COUNTRY_AS_DOER, sentence)) add(m.index ?? 0, (m.index ?? 0) + m[1].length, 'en.actor.country-as-doer');
  for (const m of matchesWhere(BY_AGENT, sentence)) {
    if (/^(?:Russia|Ukraine|January|February|March|April|May|June|July|August|September|October|November|December|[A-Z][a-z]+ \d)/u.test(m[1])) continue;
    const start = (m.index ?? 0) + m[0].length - m[1].length;
    add(start, start + m[1].length, 'en.actor.by-agent');
  }
  const speaker = speakerAsDoer(ownAct);
  if (speaker && !found.some((f) => f.name === speaker.name)) found.push(speaker);
  return found.sort((a, b) => a.span.start - b.span.start);
}

/**
 * The doer the speaker's phrase names, when he reports his own act: one actor, his organisation
 * ("Wagner Group leader Yevgeny Prigozhin" → Wagner Group) with the person as its other name.
 */
function speakerAsDoer(named: NamedValue[]): NamedValue | undefined {
  const organisation = named.find((v) => !v.entityId?.startsWith('person:')) ?? named[0];
  if (!organisation) return undefined;
  const others = named.filter((v) => v !== organisation && v.name !== organisation.name).map((v) => v.name);
  return others.length ? { ...organisation, alternatives: others } : organisation;
}

/** The last person and the last organisation or group named as a doer, with the sentence that named them. */
export interface ActorMemory {
  person?: { value: NamedValue; sentence: number };
  group?: { value: NamedValue; sentence: number };
}

/**
 * "He visits penal colonies …", "“They persuaded them to sign …": a pronoun opening the sentence as the
 * subject of a recruiter's or a jailer's verb. Other verbs ("He was released", "They took part") mostly
 * have the prisoners as subject, so they are left alone.
 */
const ACTOR_PRONOUN =
  /^[“"‘]?(He|She|They)(?: (?:also|then|later|first|even|soon|reportedly|allegedly|initially|often|usually|regularly|personally|repeatedly))? (?:promis|offer|persuad|recruit|visit|threaten|beat|tortur|forc|pressur|encourag|invit|lur|entic|deport|transferr|detain|arrest|urg)/u;
/** How many sentences a doer stays in mind for a pronoun. */
const ACTOR_MEMORY_SENTENCES = 3;

/**
 * Resolves a doer pronoun at the start of sentence number `index` to the person ("he", "she") or the
 * organisation ("they") last named as a doer within a few sentences (or last resolved so), when the
 * sentence names no doer itself; and remembers the doers it does name.
 */
export function resolveActorPronoun(text: string, range: Span, index: number, actors: NamedValue[], memory: ActorMemory): NamedValue[] {
  if (actors.length) {
    for (const a of actors) {
      if (a.entityId?.startsWith('person:')) memory.person = { value: a, sentence: index };
      else memory.group = { value: a, sentence: index };
    }
    return actors;
  }
  const m = ACTOR_PRONOUN.exec(text.slice(range.start, Math.min(range.end, range.start + 48)));
  if (!m) return actors;
  const held = m[1] === 'They' ? memory.group : memory.person;
  if (!held || index - held.sentence > ACTOR_MEMORY_SENTENCES) return actors;
  // A run of "They … They …" keeps speaking of the same doer.
  held.sentence = index;
  const at = range.start + m.index + m[0].indexOf(m[1]);
  return [{ ...held.value, span: { start: at, end: at + m[1].length }, text: m[1], certainty: 'implied', rule: 'en.actor.pronoun' }];
}
