import { describe, expect, it } from 'vitest';
import { findSources, type AttributionMemory } from './sources.js';

const sources = (text: string, memory: AttributionMemory = {}) =>
  findSources(text, { start: 0, end: text.length }, memory).map((s) => [s.name, ...(s.alternatives ?? [])].join(' | '));

describe('findSources', () => {
  it.each([
    ['Prisoners were moved, according to Sirena.', ['Sirena']],
    // A full stop after an abbreviation or an initial does not end the source.
    ['According to decree No. 112, convicts were sent to the front.', ['decree No. 112']],
    ['Inmates were moved, according to Pavel K. Orlov of Cell Watch.', ['Pavel K. Orlov of Cell Watch']],
    ['According to both Ukrainian officials and an independent watchdog, women were recruited.', ['Ukrainian officials', 'independent watchdog']],
    ['Ivan Petrov, the head of Prison Watch, said that inmates were beaten.', ['Ivan Petrov | Prison Watch']],
    ['“They were taken away,” Romanova told iStories.', ['Romanova', 'iStories']],
    ['Relatives of prisoners told Sirena that the convoy left.', ['Relatives of prisoners', 'Sirena']],
    ['Numbers fell, Mediazona reported, citing statistics from the Penitentiary Service.', ['Mediazona', 'Penitentiary Service']],
    ['In February, Ukrainian military officials said that women were recruited.', ['Ukrainian military officials']],
    ['Source: Russian news outlet Mediazona', ['Russian news outlet Mediazona']],
    ['The colony has since closed, per the regional newspaper Vestnik.', ['regional newspaper Vestnik']],
    ['It was a “one-off fall in inmate numbers,” per the daily Vedomosti.', ['daily Vedomosti']],
    ['In comments to the news site Meduza, Ivanova said two men were moved.', ['news site Meduza', 'Ivanova']],
    ['Their release was confirmed by their families.', ['their families']],
    ['The camp was overcrowded, with former inmates alleging daily beatings.', ['former inmates']],
    ['“We were beaten,” said Mr. Petrenko, who spent a year there.', ['Petrenko']],
    ['The mothers firstly found out about the transfer from a guard.', ['mothers']],
    ['“Half of them never came back,” noted Russian opposition politician Ivan Sidorov.', ['Ivan Sidorov']],
    ['“We were starved,” wrote the former inmate Pavel Orlov.', ['Pavel Orlov']],
    ['Two colonies will close, a local official said on Monday.', ['local official']],
    ['The lawmaker said that inmates asked to go.', ['lawmaker']],
    ['Ivan Sidorov, the head of Prison Aid, said that Russians beat the detainees.', ['Ivan Sidorov | Prison Aid']],
    ['Anna Frolova, founder of Cell Watch, says the Kremlin took these steps.', ['Anna Frolova | Cell Watch']],
    ['“They came twice,” says Olena (not her real name), a former inmate.', ['Olena']],
    ['The count is unclear, but the ombudsman, Anna Frolova, said that as of April 2024 some 900 were held.', ['Anna Frolova']],
    ['As reporters learned, three women refused the contract.', ['reporters']],
    ['As relatives of the convicts told Sirena, the bus left at night.', ['relatives of the convicts', 'Sirena']],
    ['As the ombudsman said, 40 men were moved.', ['ombudsman']],
    ['A fifth of the dead whose deaths were confirmed by name in 2024 were convicts, the two outlets reported.', ['two outlets']],
    ['The transfer was confirmed by the regional ministry.', ['regional ministry']],
    ['His sister Maria said in a statement that he had been moved twice.', ['Maria']],
    ['Their lawyer Ivan Pavlov told reporters that the men were beaten.', ['Ivan Pavlov', 'reporters']],
    ['Her husband said the colony was emptied.', ['Her husband']],
    // Documents named as where the information comes from (GUIDE: Documents as sources).
    ['In April a captured document published by a soldier said that training would last ten days.', ['captured document']],
    ["The bill's explanatory note said that 20,000 convicts could be released.", ["bill's explanatory note"]],
    ['A leaked memo said 40 inmates were moved.', ['leaked memo']],
    // The speaker of a clause opened by a subordinator ("after", "when", "while"), and statements made as an alarm or as testimony.
    ['Lawyers raised concerns about the camp after former detainees reported beatings there.', ['former detainees']],
    ['The camp closed while the Justice Ministry said it was full.', ['Justice Ministry']],
    ['The men were calm until the guards came when the Justice Ministry said the camp was full.', ['Justice Ministry']],
    ['Rights groups have sounded the alarm about the colony in Kursk.', ['Rights groups']],
    ['Relatives of the convicts reveal that the contracts were renewed.', ['Relatives of the convicts']],
    ['Since the spring, Ukrainian detainees have given testimony about the cells.', ['Ukrainian detainees']],
    // A subordinator before a clause with no speaker gives none.
    ['After the prisoners were moved, the colony closed.', []],
  ])('%s', (text, expected) => {
    expect(sources(text)).toEqual(expected);
  });

  it('resolves the speaker after a quotation closed without punctuation', () => {
    const memory: AttributionMemory = {};
    sources('In court, Sidorov recalled the cells to reporters.', memory);
    expect(sources('At night they were beaten to “confess to crimes, which they did not commit” he said.', memory)).toEqual(['Sidorov']);
  });

  it('resolves a pronoun to the last named person', () => {
    const memory: AttributionMemory = {};
    sources('Anna Karpova, the founder of Free Cells, said colonies emptied.', memory);
    expect(sources('He said 20 of them were detained.', memory)).toEqual(['Anna Karpova | Free Cells']);
    expect(sources('Most left, according to the human rights defender.', memory)).toEqual(['Anna Karpova | Free Cells']);
  });

  it('resolves "the same official" to the one who spoke before', () => {
    const memory: AttributionMemory = {};
    sources('Colonies held 266,000 people, Deputy Justice Minister Ivan Orlov said.', memory);
    expect(sources('Before the war there were 420,000, according to the same official.', memory)).toEqual(['Deputy Justice Minister Ivan Orlov']);
    expect(sources('The same ministry said 40 colonies closed.', memory)).toEqual(['Deputy Justice Minister Ivan Orlov']);
  });

  it('resolves "the intelligence service" and "the service" to the body that spoke before', () => {
    const memory: AttributionMemory = {};
    sources('Up to 50 women were recruited from a colony, the Northern Intelligence Directorate said.', memory);
    expect(sources('The women were sent away for training, the intelligence service said.', memory)).toEqual(['Northern Intelligence Directorate']);
    expect(sources('According to the service, 20 came back.', memory)).toEqual(['Northern Intelligence Directorate']);
  });

  it('resolves "the Center" to the body that spoke before', () => {
    const memory: AttributionMemory = {};
    sources('The Northern Resistance Center said 40 inmates were moved.', memory);
    expect(sources('“It is a violation,” the Center said, stressing that it will be punished.', memory)).toEqual(['Northern Resistance Center']);
  });

  // A speaker's name ends before the rest of the clause: a label before it, an earlier attribution
  // or what it received after it.
  it.each([
    ['“Cars carried female convicts,” Ruritania’s Defence Ministry said in an update published on Monday.', ['Ruritania’s Defence Ministry']],
    ['Human rights activists received several reports that the inmates would be moved.', ['Human rights activists']],
    ['Activists have received many reports that the inmates would be moved.', ['Activists']],
    ['Details: Relatives of the prisoners said the convoy left at night.', ['Relatives of the prisoners']],
  ])('%s', (text, expected) => expect(sources(text)).toEqual(expected));

  it('resolves "was quoted as saying" and "he continued:" to the last named person', () => {
    const memory: AttributionMemory = {};
    sources('Anna Karpova said colonies emptied.', memory);
    expect(sources('Some 50 women were sent to the front, she was quoted as saying.', memory)).toEqual(['Anna Karpova']);
    expect(sources('She continued: “Nobody came back.”', memory)).toEqual(['Anna Karpova']);
  });

  it('keeps offsets exact', () => {
    const text = 'Inmates were beaten, Gulagu.net said.';
    for (const s of findSources(text, { start: 0, end: text.length }, {})) expect(text.slice(s.span.start, s.span.end)).toBe(s.text);
  });

  it.each([['Prisoners were moved to Russia.'], ['It is not known how many died.'], ['The law was passed in May.'], ['Convicts no longer believe the promises of recruiters.'], ['Inmates did not say much about it.'], ['The price was 100 rubles per person.'], ['He continued to serve his sentence.'], ['They paid 100 rubles per Ukrainian captive.'], ['A new law said that prisoners could sign contracts.']])('finds no source in %s', (text) => {
    expect(sources(text)).toEqual([]);
  });
});
