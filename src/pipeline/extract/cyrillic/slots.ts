import type { Claim, NamedValue, Span } from '../../../domain/types.js';
import { findWord, type CyrillicLanguage, type CyrillicText } from './language.js';
import { createActorFinder } from './actors.js';
import { createPlaceFinder } from './places.js';
import { findFacilities, refersBackToFacility } from './facilities.js';
import { createSubjectFinder } from './subjects.js';
import { chooseCount, createCountFinder } from './count.js';
import { createTimeFinder } from './time.js';
import { compilePattern } from '../../../knowledge/text/compile-pattern.js';

/** The slots a claim sentence fills; the same for every type the sentence reports. */
export type ClaimSlots = Pick<Claim, 'count' | 'time' | 'places' | 'facilities' | 'actors' | 'subjects' | 'hedged'>;

/** What earlier sentences named, for "в этой колонии" and "он приезжает". */
export interface SlotMemory {
  facilities: NamedValue[];
  personActor?: NamedValue;
}

/** "он приезжает": the person who acted before (GUIDE: pronouns resolve to the named actor). */
const HE = compilePattern(String.raw`(?<![\p{L}])(?:он|він)(?![\p{L}])`, 'u');
const isPerson = (a: NamedValue) => a.entityId?.startsWith('person:');

/** A slot reader for one language: actors, places, facilities, subjects, count, time and hedging of a sentence. */
export function createSlotReader(language: CyrillicLanguage) {
  const findActors = createActorFinder(language);
  const findPlaces = createPlaceFinder(language);
  const findSubjects = createSubjectFinder(language);
  const findCounts = createCountFinder(language);
  const findTimes = createTimeFinder(language);
  const code = language.code;

  return {
    /** Reads the slots of a claim sentence; `sources` spans stay out of actors and places. */
    read(doc: CyrillicText, sentence: Span, sources: NamedValue[], memory: SlotMemory, published?: string): ClaimSlots {
      const norm = doc.norm.slice(sentence.start, sentence.end);
      const exclude = sources.map((s) => s.span);
      const actors = findActors(doc, sentence, exclude);
      const person = actors.find(isPerson);
      if (person) memory.personActor = person;
      else if (!actors.length && memory.personActor && HE.test(norm)) actors.push({ ...memory.personActor, certainty: 'implied', rule: `${code}.actor.pronoun` });
      let facilities = findFacilities(doc, sentence, code);
      if (facilities.length) memory.facilities = facilities;
      else if (memory.facilities.length && refersBackToFacility(doc, sentence)) {
        facilities = memory.facilities.map((f) => ({ ...f, certainty: 'implied', rule: `${code}.facility.back-reference` }));
      }
      return {
        actors,
        places: findPlaces(doc, sentence, [...exclude, ...actors.map((a) => a.span)]),
        facilities,
        subjects: findSubjects(doc, sentence),
        count: chooseCount(findCounts(doc, sentence)),
        time: findTimes(doc, sentence, published)[0],
        hedged: language.hedgeFilter.candidates(norm)[0] && findWord(language.hedge, norm) !== null,
      };
    },
    /** Notes who acted in a sentence that is no claim, for a later "он". */
    remember(doc: CyrillicText, sentence: Span, memory: SlotMemory): void {
      memory.personActor = findActors(doc, sentence).find(isPerson) ?? memory.personActor;
    },
  };
}
