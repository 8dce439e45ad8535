/** Detects a report's language. PLACEHOLDER: script-based guess. */
export function detectLanguage(text: string): { language: string; confidence: number } {
  const cyr = (text.match(/[а-яёіїєґ]/gi) ?? []).length;
  const lat = (text.match(/[a-z]/gi) ?? []).length;
  if (cyr > lat) return { language: /[іїєґ]/i.test(text) ? 'uk' : 'ru', confidence: 0.5 };
  return { language: 'en', confidence: 0.5 };
}
