import type { Claim, ClaimType, Message, NamedValue } from '../../../domain/types.js';
import { paragraphAt, splitSentences, type Sentence } from '../../segment/sentences.js';
import { removeDuplicateClaims } from '../refine/remove-duplicates.js';
import type { ExtractContext } from '../extract.js';
import type { CyrillicLanguage, CyrillicText } from './language.js';
import { RUSSIAN, UKRAINIAN } from './languages.js';
import { normaliseLookalikes } from './lookalikes.js';
import { beforeOpenQuestion, mentionsPrisoners, scoreTypes, type TypeScore } from './claim-type.js';
import { createSourceFinder, type AttributionMemory } from './sources.js';
import { createSlotReader, type SlotMemory } from './slots.js';
import { joinAttributionSentences } from './join-attribution.js';
import { testCompiled } from '../machine-code.js';
import { compilePattern } from '../../../knowledge/text/compile-pattern.js';

/** Types that a sentence may honestly report together (GUIDE: "annotate two claims"), as in English. */
const SECOND_TYPE: Partial<Record<ClaimType, ClaimType[]>> = {
  death: ['detention', 'abuse'],
  release: ['detention', 'recruitment'],
  detention: ['release', 'death', 'abuse'],
  abuse: ['detention', 'death'],
  transfer: ['abuse', 'detention'],
  recruitment: ['death', 'abuse', 'release'],
};
const MIN_SCORE = 2;
const MIN_SECOND_SCORE = 4;
const STRONG_SCORE = 4;
const ON_TOPIC_SENTENCES = 3;
/** "Они", "Их", "Все они": a sentence that goes on about the prisoners of the one before. */
const CONTINUES = compilePattern(String.raw`^(?:[«"“]?(?:Они|Их|Им|Все они|Многие|Некоторые|Затем их|Тогда их|Вони|Їх|Їм|Усі вони|Багато з них|Деякі))(?![\p{L}])`, 'u');
const REPORTS_MORE = compilePattern(String.raw`(?<![\p{L}])(?:что|що)\s`, 'u');
const CLOSED = /[.!?…:;][»"”’)\]]*$/u;
/** Questions ask rather than report; "Читайте …" points at other stories (GUIDE: not claims). */
const NOT_A_STATEMENT = compilePattern(String.raw`\?[»"”’)\]]*$|^(?:Читайте|Подписывайтесь|Подпишитесь|Читайте также|Читайте також|Підписуйтесь|Дивіться)(?![\p{L}])`, 'u');
/** A truncated last sentence of this length is still a statement, not a title. */
const TRUNCATED_MIN = 60;

type Extractor = (text: string, context: ExtractContext) => { claims: Claim[]; messages: Message[] };

/** Builds the extraction for one Cyrillic language; every pattern is compiled here, once. */
function createExtractor(language: CyrillicLanguage): Extractor {
  const findSources = createSourceFinder(language);
  const slots = createSlotReader(language);
  const onlyAttribution = compilePattern(language.lexicons.attribution.joins, 'u');
  const continuesWithNumber = compilePattern(language.lexicons.attribution.continuesWithNumber, 'u');

  /**
   * Russian or Ukrainian extraction, in order:
   *   normalise look-alike Latin letters (same length, so offsets hold) → segment into sentences
   *   per sentence: sources first (memory for "по её словам"; their spans stay out of actors and places),
   *   then type scores (or, right after a claim, "речь идет о сотне осужденных": its type again), then the
   *   slots (facilities and actors remembered for "в этой колонии", "он")
   *   refine: join sentences that only name a source ("Об этом сообщает …") to the claims before, drop duplicates
   */
  return (text, context) => {
    const doc: CyrillicText = { text, norm: normaliseLookalikes(text) };
    const sentences = splitSentences(text);
    const memory: AttributionMemory = {};
    const slotMemory: SlotMemory = { facilities: [] };
    const claims: Claim[] = [];
    const attributionOnly: { sentence: Sentence; sources: NamedValue[] }[] = [];
    let previousWasClaim = false;
    const aboutPrisoners = sentences.map((s) => mentionsPrisoners(language, doc, s));
    const onTopic = aboutPrisoners.filter(Boolean).length >= ON_TOPIC_SENTENCES;

    sentences.forEach((sentence, i) => {
      const sources = findSources(doc, sentence, memory);
      if (isHeadline(sentence, sentences, i)) return;
      const norm = doc.norm.slice(sentence.start, sentence.end);
      // "Про це розповів X, зауваживши, що …" goes on to report something itself.
      const only = testCompiled(onlyAttribution, norm) && !REPORTS_MORE.test(norm);
      const previous = previousWasClaim || (i > 0 && aboutPrisoners[i - 1]);
      let types = only ? [] : chooseTypes(language, doc, sentence, aboutPrisoners[i], previous, onTopic);
      // "По словам Романовой, речь идет о сотне осужденных": the number of the people the claim before is about.
      if (!types.length && previousWasClaim && aboutPrisoners[i] && testCompiled(continuesWithNumber, norm)) {
        const before = claims[claims.length - 1];
        types = [{ type: before.type, score: 0, rule: `${language.code}.type.${before.type}.continued`, at: sentence.start }];
      }
      previousWasClaim = types.length > 0;
      if (!types.length) {
        slots.remember(doc, sentence, slotMemory);
        if (sources.length) attributionOnly.push({ sentence, sources });
        return;
      }
      const read = slots.read(doc, sentence, sources, slotMemory, context.published);
      for (const t of types) {
        claims.push({
          type: t.type,
          quote: sentence.text,
          start: sentence.start,
          end: sentence.end,
          rule: t.rule,
          ...read,
          places: [...read.places],
          facilities: [...read.facilities],
          sources: [...sources],
          actors: [...read.actors],
          subjects: { ...read.subjects },
        });
      }
    });

    let refined = joinAttributionSentences(text, claims, attributionOnly, onlyAttribution, (offset) => paragraphAt(sentences, offset));
    refined = removeDuplicateClaims(refined);
    return { claims: refined, messages: [] };
  };
}

/** The claim types a sentence reports: the strongest, and a second where the pair is a known one. */
function chooseTypes(language: CyrillicLanguage, doc: CyrillicText, sentence: Sentence, about: boolean, previousWasClaim: boolean, onTopic: boolean): TypeScore[] {
  const scores = scoreTypes(language, doc, sentence);
  if (!scores.length) return [];
  const continues = previousWasClaim && CONTINUES.test(sentence.text);
  const strongOnTopic = onTopic && scores[0].score >= STRONG_SCORE;
  if (!about && !continues && !strongOnTopic) return [];
  const stated = beforeOpenQuestion(language, doc, scores, sentence);
  if (!stated.length) return [];
  const [first, ...rest] = stated;
  if (first.score < MIN_SCORE) return [];
  const second = rest.find((s) => s.score >= MIN_SECOND_SCORE && SECOND_TYPE[first.type]?.includes(s.type));
  return second ? [first, second] : [first];
}

/**
 * Headlines are not annotated (GUIDE): a line with no closing punctuation is a title, label or
 * furniture, unless it is the report's last sentence cut off mid-way after the text before it.
 */
function isHeadline(sentence: Sentence, sentences: Sentence[], i: number): boolean {
  if (sentence.text.length < 25 || NOT_A_STATEMENT.test(sentence.text)) return true;
  if (CLOSED.test(sentence.text)) return false;
  const last = i === sentences.length - 1;
  const sameLine = i > 0 && sentences[i - 1].paragraph === sentence.paragraph;
  return !(last && (sameLine || sentence.text.length >= TRUNCATED_MIN));
}

/**
 * The extraction for a language, built at its first report: building one (its place names, finders
 * and patterns) takes about 50 ms, which a process that never meets the language need not pay.
 */
function builtOnFirstUse(language: CyrillicLanguage): Extractor {
  let extract: Extractor | undefined;
  return (text, context) => (extract ??= createExtractor(language))(text, context);
}

/** Russian extraction (GUIDE), as configured above. */
export const extractRussian = builtOnFirstUse(RUSSIAN);
/** Ukrainian extraction (GUIDE), as configured above. */
export const extractUkrainian = builtOnFirstUse(UKRAINIAN);
