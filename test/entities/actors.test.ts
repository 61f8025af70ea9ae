/** Actor resolution on sentences written for these tests. */
import { describe, expect, it } from 'vitest';
import { analyzeText } from '../helpers.js';

describe('actor resolution', () => {
  it('resolves leaders by their term on the publication date', () => {
    const d2025 = analyzeText('President Trump met Prime Minister Starmer at the White House.', '2025-06-01');
    expect(d2025.entities.find((e) => e.text === 'Trump')?.actor?.code).toBe('USAGOV');
    expect(d2025.entities.find((e) => e.text === 'Starmer')?.actor?.code).toBe('GBRGOV');
    expect(d2025.entities.find((e) => e.text === 'White House')?.actor?.code).toBe('USAGOV');
    // in 2023 Trump held no office: a member of the elite, not the government
    const d2023 = analyzeText('Donald Trump criticised the government.', '2023-06-01');
    expect(d2023.entities.find((e) => e.text === 'Donald Trump')?.actor?.code).toBe('USAELI');
  });

  it('builds mentions from demonyms, roles and names', () => {
    const d = analyzeText('Senior Indian officials and Pakistani troops met the Iranian foreign minister.', '2025-01-05');
    const code = (t: string) => d.mentions.find((m) => m.text.includes(t))?.code;
    expect(code('Indian officials')).toBe('INDGOV');
    expect(code('Pakistani troops')).toBe('PAKMIL');
    expect(code('Iranian foreign minister')).toBe('IRNGOV');
  });

  it('links later partial names and the capital standing for the government', () => {
    const d = analyzeText('Volodymyr Zelensky spoke in Brussels. Zelensky said Kyiv would not yield. Moscow rejected the plan.', '2025-02-01');
    const z = d.entities.filter((e) => e.text.includes('Zelensky'));
    expect(z.map((e) => e.actor?.code)).toEqual(['UKRGOV', 'UKRGOV']);
    expect(z[1].corefOf).toBe(d.entities.indexOf(z[0]));
    expect(d.entities.find((e) => e.text === 'Kyiv')?.actor?.code).toBe('UKRGOV');
    expect(d.entities.find((e) => e.text === 'Moscow')?.actor?.code).toBe('RUSGOV');
    expect(d.entities.find((e) => e.text === 'Brussels')?.label).toBe('GPE');
  });

  it('distributes "the leaders of X, Y and Z" over the countries', () => {
    const d = analyzeText('He called the leaders of Kenya, Uganda and Rwanda.', '2025-01-05');
    expect(d.mentions.filter((m) => m.rule === 'mentions:agent-of').map((m) => m.code)).toEqual(['KENGOV', 'UGAGOV', 'RWAGOV']);
  });

  it('does not take weekdays or common words for people or places', () => {
    const d = analyzeText('On Friday the West Forest council met in George Street.', '2025-01-05');
    expect(d.entities.filter((e) => e.actor && /Friday|West|Forest|George/.test(e.text) && e.label !== 'ORG')).toEqual([]);
  });
  it('codes a hyphenated organisation name and a capitalised acronym from the dictionary, but not the lower-case word', () => {
    const d = analyzeText('Fighters of al-Qaeda and of UNITA met in Luanda. The unita party was a rumour.', '2025-01-05');
    expect(d.entities.find((e) => e.text === 'al-Qaeda')?.actor?.code).toBe('IMGMUSALQ');
    expect(d.entities.find((e) => e.text === 'UNITA')?.actor?.code).toBe('ANGREB');
    expect(d.mentions.some((m) => m.text.includes('unita') && m.code)).toBe(false);
  });

  it('codes a group named by a demonym with its country ("Iraqi Kurds")', () => {
    const d = analyzeText('Thousands of Iraqi Kurds fled to Turkey.', '2025-01-05');
    expect(d.mentions.find((m) => m.text.includes('Kurds'))?.code).toBe('IRQ');
  });
  it("puts a prefix agent's code before the country ('Kenyan peacekeeping troops': IGO~ + KEN)", () => {
    const d = analyzeText('Kenyan peacekeeping troops arrived in Somalia on Monday.', '2025-01-05');
    expect(d.mentions.find((m) => m.text.includes('peacekeeping'))?.code).toBe('IGOKEN');
  });

  it('composes agents around an actor that the recognizer hid in a longer span, and after a possessor (validation dictionaries)', async () => {
    const { petrarchPipeline } = await import('../../src/eval/petrarch.js');
    const { runPipeline } = await import('../../src/pipeline.js');
    const run = (text: string) => runPipeline({ id: text, title: null, published: '2001-05-02', url: null, source: null, text }, petrarchPipeline());
    expect(run('An MSF Arnor diplomat visited Gondor.').mentions.map((m) => m.code)).toContain('NGOARNGOV');
    expect(run("Arnor praised Gondor's main opposition groups.").mentions.map((m) => m.code)).toContain('GONMOP');
    // a name written with its article is an institution, not a person; a one-word institutional entry stands for a place too
    expect(run('The AU praised Gondor.').mentions.map((m) => m.code)).toContain('IGOAFR');
    expect(run('Washington security officials praised Gondor.').mentions.map((m) => m.code)).toContain('USAGOV');
  });
});
