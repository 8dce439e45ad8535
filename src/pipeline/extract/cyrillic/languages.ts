import ruTriggers from '../../../knowledge/lexicons/ru/triggers.json' with { type: 'json' };
import ruPrisonerWords from '../../../knowledge/lexicons/ru/prisoner-words.json' with { type: 'json' };
import ruAttribution from '../../../knowledge/lexicons/ru/attribution.json' with { type: 'json' };
import ruActors from '../../../knowledge/lexicons/ru/actors.json' with { type: 'json' };
import ruHedges from '../../../knowledge/lexicons/ru/hedges.json' with { type: 'json' };
import ruSubjects from '../../../knowledge/lexicons/ru/subjects.json' with { type: 'json' };
import ruNumbers from '../../../knowledge/lexicons/ru/numbers.json' with { type: 'json' };
import ruTime from '../../../knowledge/lexicons/ru/time-words.json' with { type: 'json' };
import ruPlaces from '../../../knowledge/lexicons/ru/places.json' with { type: 'json' };
import ukTriggers from '../../../knowledge/lexicons/uk/triggers.json' with { type: 'json' };
import ukPrisonerWords from '../../../knowledge/lexicons/uk/prisoner-words.json' with { type: 'json' };
import ukAttribution from '../../../knowledge/lexicons/uk/attribution.json' with { type: 'json' };
import ukActors from '../../../knowledge/lexicons/uk/actors.json' with { type: 'json' };
import ukHedges from '../../../knowledge/lexicons/uk/hedges.json' with { type: 'json' };
import ukSubjects from '../../../knowledge/lexicons/uk/subjects.json' with { type: 'json' };
import ukNumbers from '../../../knowledge/lexicons/uk/numbers.json' with { type: 'json' };
import ukTime from '../../../knowledge/lexicons/uk/time-words.json' with { type: 'json' };
import ukPlaces from '../../../knowledge/lexicons/uk/places.json' with { type: 'json' };
import { compileLanguage, type CyrillicLanguage } from './language.js';

/** Russian, its lexicons compiled once. */
export const RUSSIAN: CyrillicLanguage = compileLanguage('ru', {
  triggers: ruTriggers,
  prisonerWords: ruPrisonerWords,
  attribution: ruAttribution,
  actors: ruActors,
  hedges: ruHedges,
  subjects: ruSubjects,
  numbers: ruNumbers,
  time: ruTime,
  places: ruPlaces,
});

/** Ukrainian, its lexicons compiled once. */
export const UKRAINIAN: CyrillicLanguage = compileLanguage('uk', {
  triggers: ukTriggers,
  prisonerWords: ukPrisonerWords,
  attribution: ukAttribution,
  actors: ukActors,
  hedges: ukHedges,
  subjects: ukSubjects,
  numbers: ukNumbers,
  time: ukTime,
  places: ukPlaces,
});
