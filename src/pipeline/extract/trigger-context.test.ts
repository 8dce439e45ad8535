import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import en from '../../knowledge/lexicons/en/triggers.json' with { type: 'json' };
import ru from '../../knowledge/lexicons/ru/triggers.json' with { type: 'json' };
import uk from '../../knowledge/lexicons/uk/triggers.json' with { type: 'json' };
import { TriggerContext } from './trigger-context.js';

const english = new TriggerContext(en);
const russian = new TriggerContext(ru);
const ukrainian = new TriggerContext(uk);

/** The negation of the trigger word `trigger` in `sentence`. */
const negation = (context: TriggerContext, sentence: string, trigger: string, type = 'release' as const) =>
  context.negationAt(type, sentence, sentence.indexOf(trigger));

describe('TriggerContext.negationAt', () => {
  it.each([
    ['They were not released.', 'released', 'denied'],
    ['They have never been released.', 'released', 'denied'],
    ['They haven’t yet been released.', 'released', 'denied'],
    ['They DID NOT get released.', 'released', 'denied'],
    ['They won’t be released.', 'released', 'ruled'],
    ['They will never be released.', 'released', 'ruled'],
    ['They cannot be released.', 'released', 'ruled'],
    ['They could not\u00a0be released.', 'released', 'ruled'],
    ['They were released.', 'released', undefined],
    ['Released at last, they went home.', 'Released', undefined],
    ['They were not only released but paid.', 'released', undefined],
    ['Not all, but some, were released.', 'released', undefined],
    ['They were not, in the end, released.', 'released', undefined],
    ['It is not a question: they were released.', 'released', undefined],
  ] as const)('%s → %s', (sentence, trigger, expected) => expect(negation(english, sentence, trigger)).toBe(expected));

  it.each([
    ['Их так и не были освобождены.', 'освобождены', 'denied'],
    ['Их не будут освобождать.', 'освобождать', 'ruled'],
    ['Их нельзя освободить.', 'освободить', 'ruled'],
    ['Их не только освободили, но и наградили.', 'освободили', undefined],
  ] as const)('%s → %s', (sentence, trigger, expected) => expect(negation(russian, sentence, trigger)).toBe(expected));

  it.each([
    ['The prospect of a pardon kept them going.', 'pardon'],
    ['They signed up, hoping for early release.', 'release'],
    ['Convicts dream of freedom.', 'freedom'],
  ])('denies a release only hoped for: %s', (sentence, trigger) => expect(negation(english, sentence, trigger)).toBe('denied'));

  it.each([
    ['Осужденные подписывали контракты в надежде на досрочное освобождение.', 'освобождение', 'denied'],
    ['Их досрочное освобождение состоялось в мае.', 'освобождение', undefined],
  ] as const)('%s → %s', (sentence, trigger, expected) => expect(negation(russian, sentence, trigger)).toBe(expected));

  it.each([
    ['Вони підписали контракти, сподіваючись на звільнення.', 'звільнення', 'denied'],
    ['В’язнів не можна звільнити до кінця війни.', 'звільнити', 'ruled'],
    ['В’язнів так і не було звільнено.', 'звільнено', 'denied'],
  ] as const)('%s → %s', (sentence, trigger, expected) => expect(negation(ukrainian, sentence, trigger)).toBe(expected));

  it('keeps a release that happened, and a hope that is no release trigger’s', () => {
    expect(negation(english, 'They were released early, hoping for a new life.', 'released')).toBeUndefined();
    expect(english.negationAt('recruitment', 'The prospect of recruits worried them.', 16)).toBeUndefined();
  });

  it('leaves policy and population triggers alone', () => {
    expect(english.negationAt('policy', 'They will not be allowed to sign.', 21)).toBeUndefined();
    expect(english.negationAt('population', 'The number has not decreased.', 20)).toBeUndefined();
  });

  it('never throws and reads only the words before the trigger', () =>
    fc.assert(
      fc.property(fc.string({ maxLength: 80 }), fc.nat(), (sentence, n) => {
        const at = sentence.length ? n % sentence.length : 0;
        const result = english.negationAt('abuse', sentence, at);
        expect([undefined, 'denied', 'ruled']).toContain(result);
        expect(english.negationAt('abuse', `${sentence.slice(0, at)}${'x'.repeat(5)}`, at)).toBe(result);
      }),
    ));
});

describe('TriggerContext.openQuestionEnd', () => {
  it('finds where a frame ends', () => {
    const sentence = 'The outlet found out why the women agreed to go.';
    expect(english.openQuestionEnd(sentence)).toBe(sentence.indexOf('why') + 3);
  });

  it.each([['The outlet found out that the women agreed to go.'], ['Why the women agreed, nobody knows.'], ['We were told they would go.']])('finds no frame in %s', (sentence) =>
    expect(english.openQuestionEnd(sentence)).toBe(Infinity),
  );
});
