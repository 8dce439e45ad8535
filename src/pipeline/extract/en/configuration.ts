import type { Claim, ClaimType, Message, NamedValue, Span } from '../../../domain/types.js';
import { splitSentences, type Sentence } from '../../segment/sentences.js';
import { beforeOpenQuestion, mentionsPrisoners, scoreTypes, type TypeScore } from './claim-type.js';
import { findSources, type AttributionMemory } from './sources.js';
import { findActors, resolveActorPronoun, type ActorMemory } from './actors.js';
import { findPlaces } from './places.js';
import { FACILITY_BACK_REFERENCE, findFacilities } from './facilities.js';
import { findSubjects } from './subjects.js';
import { isHedged } from './hedge.js';
import { populationChange, readCount, readTime, readWhole, type CountReading } from './quantities.js';
import { findCounts } from './count/count.js';
import { joinAttributionSentences, ONLY_ATTRIBUTION } from '../refine/join-attribution.js';
import { inheritQuotationSources } from '../refine/quotation-sources.js';
import { splitPopulationChanges } from '../refine/split-population-changes.js';
import { removeDuplicateClaims } from '../refine/remove-duplicates.js';
import type { ExtractContext } from '../extract.js';
import { compilePattern } from '../../../knowledge/text/compile-pattern.js';

/** Types that a sentence may honestly report together (GUIDE: "annotate two claims"). */
const SECOND_TYPE: Partial<Record<ClaimType, ClaimType[]>> = {
  population: ['recruitment'],
  death: ['detention', 'abuse'],
  release: ['detention', 'recruitment'],
  detention: ['release', 'death', 'abuse', 'transfer', 'recruitment'],
  abuse: ['detention', 'death'],
  transfer: ['abuse', 'detention'],
  recruitment: ['death', 'abuse', 'release', 'population'],
};
/**
 * Where a second type needs less than MIN_SECOND_SCORE: prisons emptied by recruitment ("has tapped so
 * many inmates … that it is closing prisons") report the recruitment on a weaker trigger.
 */
const SECOND_SCORE: Partial<Record<ClaimType, Partial<Record<ClaimType, number>>>> = { population: { recruitment: 2 } };
const MIN_SCORE = 2;
const MIN_SECOND_SCORE = 3;
const STRONG_SCORE = 3;
const WEAK_OK = new Set<ClaimType>(['recruitment', 'transfer', 'detention']);
/** How many sentences must speak of prisoners for the report to be about them. */
const ON_TOPIC_SENTENCES = 3;

/**
 * English extraction, in order:
 *   segment → sentences (quotations kept whole) so every claim quotes one sentence
 *   per sentence: sources first (they update the memory "he said" resolves against, and their spans
 *   are kept out of actors and places), then type scores, then the slots
 *   refine: join attribution-only sentences to the claim before them, split "by 10,000 … and by
 *   another 13,000" into one claim per change, and drop duplicates
 */
export function extractEnglish(text: string, context: ExtractContext): { claims: Claim[]; messages: Message[] } {
  const sentences = splitSentences(text);
  const memory: AttributionMemory = {};
  const facilityMemory: { last?: NamedValue } = {};
  const actorMemory: ActorMemory = {};
  const claims: Claim[] = [];
  const attributionOnly: { sentence: Sentence; sources: NamedValue[] }[] = [];
  let previousWasClaim = false;
  const aboutPrisoners = sentences.map((s) => mentionsPrisoners(text, s));
  const onTopic = aboutPrisoners.filter(Boolean).length >= ON_TOPIC_SENTENCES;

  // Sources first, in reading order (pronouns resolve against what came before), then the
  // attribution that closes a long quotation is lent to every sentence inside it.
  const sourcesOf = inheritQuotationSources(text, sentences, sentences.map((s) => (isHeadline(s) && !/^Sources?\s*:/u.test(s.text) ? [] : findSources(text, s, memory))));

  for (const [i, sentence] of sentences.entries()) {
    if (isHeadline(sentence)) {
      if (/^Sources?\s*:/u.test(sentence.text)) attributionOnly.push({ sentence, sources: sourcesOf[i] });
      continue;
    }
    const sources = sourcesOf[i];
    // "Most of them are in the Krasnodar region" completes the claim before it (GUIDE: evidence over two sentences).
    if (previousWasClaim && CONTINUES_PREVIOUS.test(sentence.text)) {
      extendPrevious(text, claims, sentence);
      continue;
    }
    const types = ONLY_ATTRIBUTION.test(sentence.text) ? [] : chooseTypes(text, sentence, aboutPrisoners[i], previousWasClaim || (i > 0 && aboutPrisoners[i - 1]), onTopic);
    if (!types.length) {
      if (sources.length) attributionOnly.push({ sentence, sources });
      previousWasClaim = false;
      continue;
    }
    const exclude: Span[] = sources.map((s) => s.span);
    const facilities = findFacilities(text, sentence);
    if (facilities.length) facilityMemory.last = facilities[facilities.length - 1];
    else if (facilityMemory.last && FACILITY_BACK_REFERENCE.test(sentence.text)) facilities.push({ ...facilityMemory.last, certainty: 'implied', rule: 'en.facility.back-reference' });
    // Slots other than count and change are the same for every type the sentence reports.
    const actors = resolveActorPronoun(text, sentence, i, findActors(text, sentence, exclude), actorMemory);
    // "Moscow is taking steps", "Russia had recruited": the country as the doer is no place.
    const places = findPlaces(text, sentence, [...exclude, ...actors.filter((a) => a.rule === 'en.actor.country-as-doer').map((a) => a.span)]);
    const subjects = findSubjects(text, sentence);
    const time = readTime(text, sentence, context.published);
    const hedged = isHedged(text, sentence);
    for (const { type: t, count } of countedTypes(text, sentence, types)) {
      claims.push({
        type: t.type,
        quote: sentence.text,
        start: sentence.start,
        end: sentence.end,
        rule: t.rule,
        count: count?.count,
        change: t.type === 'population' ? (count?.change ?? populationChange(text, sentence)) : undefined,
        time,
        places: [...places],
        facilities: [...facilities],
        sources: [...sources],
        // A count of inmates has no doer (GUIDE: actors recruit, move, hold, release or abuse).
        actors: t.type === 'population' ? [] : [...actors],
        subjects: { ...subjects },
        hedged,
      });
    }
    previousWasClaim = true;
  }

  let refined = joinAttributionSentences(text, claims, attributionOnly);
  refined = splitPopulationChanges(text, refined, context.published);
  refined = removeDuplicateClaims(refined);
  return { claims: refined, messages: [] };
}

/** The claim types a sentence reports: the strongest, and a second where the pair is a known one. */
function chooseTypes(text: string, sentence: Sentence, aboutPrisoners: boolean, previousOfPrisoners: boolean, onTopic: boolean): TypeScore[] {
  const scores = scoreTypes(text, sentence);
  // "The exact number of prisoners … is not known": no figure is reported.
  const population = indexOfType(scores, 'population');
  if (population >= 0 && FIGURE_UNKNOWN.test(sentence.text)) scores.splice(population, 1);
  if (!scores.length) return [];
  // A sentence with no prisoner word can still go on about the prisoners of the sentence (or the claim)
  // before it ("They were taken …").
  const continues = previousOfPrisoners && CONTINUES_SUBJECT.test(sentence.text);
  // In a report about prisoners, a strong trigger carries a sentence that names none, unless it names
  // troops, out of scope unless the text says they are convicts (GUIDE: Scope).
  if (!aboutPrisoners && !continues && !(onTopic && scores[0].score >= STRONG_SCORE && !TROOPS.test(sentence.text))) return [];
  const stated = beforeOpenQuestion(scores, text, sentence);
  if (!stated.length) return [];
  const [first, ...rest] = preferPolicy(text, sentence, stated);
  // A weak trigger counts only in a sentence that names prisoners outright ("visited the colony to recruit").
  if (first.score < MIN_SCORE && !(first.score >= 1 && aboutPrisoners && WEAK_OK.has(first.type))) return [];
  const chosen = [first];
  const second = rest.find((s) => s.score >= (SECOND_SCORE[first.type]?.[s.type] ?? MIN_SECOND_SCORE) && SECOND_TYPE[first.type]?.includes(s.type));
  if (second) chosen.push(second);
  return chosen;
}

/**
 * Each type a sentence reports with its count, and the whole its count is a part of as a claim of
 * its own: "only 10,000 remain alive out of 50,000 recruited" also reports 50,000 recruited (GUIDE:
 * two counts, two claims). A claim of the whole's type with no count of its own takes the whole
 * ("Of the 200 convicts recruited, most were sent to the front").
 */
function countedTypes(text: string, sentence: Sentence, types: TypeScore[]): { type: TypeScore; count?: CountReading }[] {
  const mentions = findCounts(text, sentence);
  const whole = readWhole(text, sentence, mentions);
  const counted: { type: TypeScore; count?: CountReading }[] = types.map((t) => ({ type: t, count: readCount(text, sentence, t.type, { except: whole?.span, mentions }) }));
  if (!whole) return counted;
  const same = counted.find((c) => c.type.type === whole.type && !c.count);
  if (same) same.count = { count: whole.count };
  else counted.push({ type: { type: whole.type, score: 0, rule: `en.type.${whole.type}.part-whole`, at: whole.span.start }, count: { count: whole.count } });
  return counted;
}

/** Troops in general ("the quality of Russian troops being sent", "75,000 troops killed"); "soldiers" are often prisoners of war. */
const TROOPS = /\btroops\b/iu;

const FIGURE_UNKNOWN = /\b(?:is|are|was|were|remains?) (?:not (?:known|published|disclosed|public)|unknown)\b/u;

/** A subject that goes on with the people of the claim before, perhaps after a linking adverb ("Then they were shipped …"). */
const CONTINUES_SUBJECT = /^(?:“|"|‘)?(?:(?:Then|Later|Soon|Eventually|Afterwards|Finally|Next|Subsequently),? )?(?:They|they|He|he|She|she|The (?:recruits|women|men|convicts|prisoners|inmates)|Some|Most|Many|Others)\b/u;

const CONTINUES_PREVIOUS = /^(?:The majority|Most of them|Most of these|Most are|Of these|Of them|Among them|Many of them|Some of them)\b/u;

/** Runs the claims of the previous sentence on over `sentence`, taking the places and facilities it names. */
function extendPrevious(text: string, claims: Claim[], sentence: Sentence): void {
  const places = findPlaces(text, sentence);
  const facilities = findFacilities(text, sentence);
  // Claims are made in reading order and only the latest are ever extended, so their ends never
  // decrease: the claims that end last are the run at the end (no pass over them all, which made
  // long reports quadratic, and no Math.max(...ends), which overflows the stack past ~100,000).
  const last = claims[claims.length - 1].end;
  let first = claims.length - 1;
  while (first > 0 && claims[first - 1].end === last) first--;
  for (const claim of claims.slice(first)) {
    claim.end = sentence.end;
    claim.quote = text.slice(claim.start, claim.end);
    claim.places = [...claim.places, ...places.filter((p) => !claim.places.some((q) => q.entityId === p.entityId && q.name === p.name))];
    claim.facilities = [...claim.facilities, ...facilities];
  }
}

/** Terms on offer ("promised pardons", "will be released") are policy, not a release that happened. */
const PROMISE = /(?:\b(?:will|would|can|could|must|won[’']t|have to|has to|promis\w*|offer\w*|entic\w*|deal|only|no longer|if|automatically)\b|[’']ll\b)/iu;
/** The modal "may", not the month (case-sensitive, unlike PROMISE). */
const MAY = /\bmay\b/u;

/** A death only supposed: "pardons if they survived", "If someone dies, …" (the words just before the trigger). */
const CONDITION_BEFORE = compilePattern(String.raw`\b(?:[Ii]f|unless|[Ii]n case)(?: [\p{L}’'-]+){0,3} $`, 'u');

function preferPolicy(text: string, sentence: Sentence, scores: TypeScore[]): TypeScore[] {
  scores = supposedDeathAsPolicy(text, sentence, scores);
  const [first] = scores;
  if (first?.type !== 'release') return scores;
  const policyAt = indexOfType(scores, 'policy');
  const policy = policyAt < 0 ? undefined : scores[policyAt];
  if (first?.type !== 'release' || !(PROMISE.test(sentence.text) || MAY.test(sentence.text))) return scores;
  // With no policy word of its own, the release terms themselves are the policy ("they'll only be released if …").
  if (!policy) return [{ ...first, type: 'policy' }, ...scores.slice(1)];
  return [{ ...policy, score: Math.max(policy.score, first.score) }, ...scores.filter((s) => s !== policy)];
}

/** A death the sentence only supposes is part of the terms: its score is added to policy's. */
function supposedDeathAsPolicy(text: string, sentence: Sentence, scores: TypeScore[]): TypeScore[] {
  const deathAt = indexOfType(scores, 'death');
  if (deathAt < 0) return scores;
  const death = scores[deathAt];
  if (!CONDITION_BEFORE.test(text.slice(Math.max(sentence.start, death.at - 40), death.at))) return scores;
  const policy = scores.find((s) => s.type === 'policy');
  const merged: TypeScore = policy && policy.score >= death.score ? policy : { ...death, type: 'policy' };
  return [{ ...merged, score: death.score + (policy?.score ?? 0) }, ...scores.filter((s) => s !== death && s !== policy)].sort((a, b) => b.score - a.score || a.at - b.at);
}

/**
 * Where a type is in `scores`, or -1: a loop rather than find() with an arrow made per call, which
 * tsx and the worker bundle (esbuild keepNames) name by a defineProperty each time, on every sentence.
 */
function indexOfType(scores: readonly TypeScore[], type: ClaimType): number {
  for (let i = 0; i < scores.length; i++) if (scores[i].type === type) return i;
  return -1;
}

/** Headlines are not annotated (GUIDE): a line with no closing punctuation is a title, a label or furniture. */
function isHeadline(sentence: Sentence): boolean {
  return !/[.!?…:”"’»)\]]$/u.test(sentence.text) || sentence.text.length < 25;
}
