import { describe, expect, it } from 'vitest';
import { beforeOpenQuestion, mentionsPrisoners, scoreTypes } from './claim-type.js';

const top = (text: string) => scoreTypes(text, { start: 0, end: text.length })[0]?.type;

describe('scoreTypes', () => {
  it.each([
    ['Wagner recruited inmates from the colony.', 'recruitment'],
    ['Prisoners were transferred to IK-7.', 'transfer'],
    ['The number of prisoners fell by 23,000.', 'population'],
    ['The army released 457 inmates.', 'release'],
    ['Guards tortured the detainees with electric shocks.', 'abuse'],
    ['Forty prisoners were killed in the explosion.', 'death'],
    ['166 of them had been detained by the police.', 'detention'],
    ['The Duma passed a law that allows convicts to sign contracts.', 'policy'],
    ['About 100 women were sent to fight in Ukraine.', 'recruitment'],
    ['The soldier was taken prisoner near the plant in 2022.', 'detention'],
    ['The inmates were taken to a colony in the Urals.', 'transfer'],
  ])('%s → %s', (text, type) => expect(top(text)).toBe(type));

  it.each([['The weather was cold in Moscow.'], ['Missiles struck Kyiv overnight.']])('finds no type in %s', (text) => expect(top(text)).toBeUndefined());

  it.each([['The founder released a letter from a lawmaker about convicts.'], ['An officer released a captured document on prisoner units.']])(
    'reads no release in %s',
    (text) => expect(scoreTypes(text, { start: 0, end: text.length }).some((s) => s.type === 'release')).toBe(false),
  );

  it.each([['After the founder’s death, the army took over recruiting in the colonies.'], ['Since his death, convicts have signed contracts with the ministry.'], ['They were offered money to fight where the risk of death is high.']])(
    'reads no death in %s',
    (text) => expect(scoreTypes(text, { start: 0, end: text.length }).some((s) => s.type === 'death')).toBe(false),
  );

  it.each([['The deaths of 40 prisoners were confirmed.'], ['After the deaths of six inmates, the colony closed.'], ['Relatives learned of his death in May.']])('reads a death in %s', (text) =>
    expect(scoreTypes(text, { start: 0, end: text.length }).some((s) => s.type === 'death')).toBe(true),
  );

  it.each([['The strike on the colony was carried out from a launcher near Donetsk.'], ['The prison service sent a team to the colony to investigate.'], ['Relatives sent a complaint to the colony.']])(
    'reads no transfer in %s',
    (text) => expect(scoreTypes(text, { start: 0, end: text.length }).some((s) => s.type === 'transfer')).toBe(false),
  );

  it.each([
    ['Their contracts have now been extended to a year instead of six months.'],
    ['The contracts of the convicts are automatically renewed when they expire.'],
    ['Complaints led to the imposition of stricter conditions for convicts.'],
    ['Convicts are being told they will serve until the war ends.'],
  ])('reads the terms of service in %s as policy', (text) => expect(top(text)).toBe('policy'));

  it('reads no policy in a sentence extended for one prisoner', () =>
    expect(scoreTypes('His prison term was extended by two years.', { start: 0, end: 41 }).some((s) => s.type === 'policy')).toBe(false));

  it('reads a contract offered with a hyphenated term', () => expect(top('They offered the women one-year contracts with the army.')).toBe('recruitment'));

  it('reads conditions made to push prisoners into signing as abuse', () =>
    expect(top('The authorities create harsh conditions in colonies to “stimulate” prisoners to sign contracts.')).toBe('abuse'));

  it.each([
    ['The guards did not threaten the convicts.', 'abuse'],
    ['The inmates were never transferred to Rostov.', 'transfer'],
    ['Ivan was not taken to the front with the others.', 'transfer'],
    ['The women have not yet been released from the colony.', 'release'],
    ['The convicts didn’t sign contracts with the army.', 'recruitment'],
    ['Despite this, the prospect of a pardon drives the convicts.', 'release'],
  ] as const)('reads a denied event in %s as no %s', (text, type) =>
    expect(scoreTypes(text, { start: 0, end: text.length }).some((s) => s.type === type)).toBe(false));

  it.each([
    ['Convicts who refuse will not be pardoned.', 'en.type.release.'],
    ['Prisoners cannot be released before the war ends.', 'en.type.release.'],
    ['Those inmates won’t be sent to fight.', 'en.type.recruitment.'],
  ])('reads an event that will not or cannot happen in %s as policy', (text, rule) => {
    const [first] = scoreTypes(text, { start: 0, end: text.length });
    expect(first?.type).toBe('policy');
    expect(first?.rule).toMatch(new RegExp(`^${rule.replaceAll('.', '\\.')}\\d+\\.ruled-out$`));
  });

  it.each([
    ['The colony not only released 40 inmates but closed a wing.', 'release'],
    ['The number of prisoners has not decreased since May.', 'population'],
    ['Prisoners convicted of treason will not be allowed to use the law.', 'policy'],
    ['Many of them did not survive the first assault.', 'death'],
  ] as const)('keeps the type of %s', (text, type) => expect(top(text)).toBe(type));

  it.each([
    ['The outlet found out why the women agreed to go to war.', 'recruitment'],
    ['In this story we look at how the convicts were moved to Rostov.', 'transfer'],
    ['Reporters asked whether the inmates had been released.', 'release'],
  ] as const)('reads what a report looks into, in %s, as no %s', (text, type) => {
    const range = { start: 0, end: text.length };
    expect(scoreTypes(text, range).some((s) => s.type === type)).toBe(true);
    expect(beforeOpenQuestion(scoreTypes(text, range), text, range).some((s) => s.type === type)).toBe(false);
  });

  it.each([
    ['The outlet found out that 40 women agreed to go to war.', 'recruitment'],
    ['Guards beat the inmates, and nobody explained why.', 'abuse'],
  ] as const)('keeps a fact stated beside a reporting verb in %s', (text, type) => {
    const range = { start: 0, end: text.length };
    expect(beforeOpenQuestion(scoreTypes(text, range), text, range)[0]?.type).toBe(type);
  });

  it.each([
    ['The recruits were sent for training in Rostov before the assault.', 'transfer'],
    ['Convicts were taken for “military training” to a camp in the south.', 'transfer'],
    ['Wagner recruits prisoners in the colonies.', 'recruitment'],
    ['The recruitment of convicts went on all year.', 'recruitment'],
    ['Recruiters visited the colony twice.', 'recruitment'],
    ['Those recruited by the ministry signed contracts.', 'recruitment'],
  ] as const)('%s → %s', (text, type) => expect(top(text)).toBe(type));

  it.each([['Wagner-recruited convicts were named in the court records.'], ['The recruits were photographed at the station.']])('reads people named as recruits in %s as no act of recruiting', (text) =>
    expect(scoreTypes(text, { start: 0, end: text.length }).some((s) => s.type === 'recruitment' && s.score >= 2)).toBe(false),
  );

  it('reads a transfer of people sent somewhere', () => expect(top('The inmates were sent from the colony to Rostov.')).toBe('transfer'));

  it('knows when a sentence speaks of prisoners', () => {
    const about = (t: string) => mentionsPrisoners(t, { start: 0, end: t.length });
    expect(about('Inmates were moved.')).toBe(true);
    expect(about('Troops moved east.')).toBe(false);
  });
});
