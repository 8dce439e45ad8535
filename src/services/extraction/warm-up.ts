import type { ReportInput } from '../../domain/types.js';
import { processReport } from '../../pipeline/configuration.js';

/**
 * Short reports of our own, one per supported language, that a new worker processes before it
 * takes real ones: the pipeline builds its lexicons, gazetteer indexes and patterns on first use
 * (about 0.7 s), and a worker that did that on its first real report would hold up the run.
 */
const SAMPLES: Array<{ language: string; text: string }> = [
  { language: 'en', text: 'Last week about 40 prisoners were moved from a colony in the Kherson region to IK-2 in Krasnodar, a rights group said.' },
  { language: 'ru', text: 'В прошлом месяце около 40 заключённых этапировали из колонии в Херсонской области в ИК-2 в Краснодарском крае, сообщили правозащитники.' },
  { language: 'uk', text: 'Минулого тижня близько 40 в’язнів перевезли з колонії на Херсонщині до ІК-2 у Краснодарському краї, повідомили правозахисники.' },
];

export function warmUp(): void {
  for (const { language, text } of SAMPLES) {
    const input: ReportInput = { meta: { language, published: '2024-01-15' }, original: Buffer.from(text, 'utf8'), format: 'text', origin: `warm-up:${language}`, decoded: text };
    processReport(input);
  }
}
