/**
 * Case forms of region names ("Курская область" → "Курской области", "Краснодарский край" →
 * "в Краснодарском крае"), so an inflected name in Russian or Ukrainian text finds its region
 * (GUIDE: inflected names count as the place). Adjective + noun only: that is every oblast and krai.
 */

const RU_NOUN: Record<string, string[]> = {
  область: ['область', 'области', 'области', 'область', 'областью', 'области', 'обл.'],
  край: ['край', 'края', 'краю', 'край', 'краем', 'крае', 'кр.'],
};
const UK_NOUN: Record<string, string[]> = {
  область: ['область', 'області', 'області', 'область', 'областю', 'області', 'обл.'],
  край: ['край', 'краю', 'краю', 'край', 'краєм', 'краї', 'кр.'],
};

/** Nominative, genitive, dative, accusative, instrumental, prepositional endings of an adjective. */
function adjectiveForms(adjective: string, language: 'ru' | 'uk'): string[] {
  const stem = adjective.slice(0, -2);
  const end = adjective.slice(-2);
  if (language === 'ru') {
    if (end === 'ая' || end === 'яя') return [adjective, `${stem}ой`, `${stem}ой`, `${stem}ую`, `${stem}ой`, `${stem}ой`, adjective];
    return [adjective, `${stem}ого`, `${stem}ому`, adjective, `${stem}им`, `${stem}ом`, adjective];
  }
  if (adjective.endsWith('а')) {
    const s = adjective.slice(0, -1);
    return [adjective, `${s}ої`, `${s}ій`, `${s}у`, `${s}ою`, `${s}ій`, adjective];
  }
  return [adjective, `${stem}ого`, `${stem}ому`, adjective, `${stem}им`, `${stem}ому`, adjective];
}

/** Every case form of "<adjective(s)> <noun>"; several adjectives ("Еврейская автономная") inflect together. */
export function inflectRegion(adjectives: string, noun: string, language: 'ru' | 'uk'): string[] {
  const nouns = (language === 'ru' ? RU_NOUN : UK_NOUN)[noun];
  if (!nouns) return [`${adjectives} ${noun}`];
  const words = adjectives.split(' ').map((w) => adjectiveForms(w, language));
  const forms = nouns.map((n, i) => `${words.map((w) => w[i]).join(' ')} ${n}`);
  return [...new Set(forms)];
}
