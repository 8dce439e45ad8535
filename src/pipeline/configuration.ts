import { createHash } from 'node:crypto';
import type { Message, ProcessedReport, ReportInput, ReportMeta } from '../domain/types.js';
import { decode } from './decode/decode.js';
import { clean } from './clean/clean.js';
import { detectLanguage } from './detect/language.js';
import { extractClaims, SUPPORTED_LANGUAGES } from './extract/extract.js';
import { resolveClaims } from './resolve/resolve.js';

/**
 * The pipeline every report goes through, in order. Pure: no I/O, no store.
 *
 *   decode  → bytes to text (charset detection), so every later step sees characters
 *   clean   → removes page furniture; its output is the canonical text all offsets point into
 *   detect  → language, on the cleaned text so donation boxes in English don't outvote a Russian article
 *   extract → claims, per language; unsupported languages are kept but not extracted
 *   resolve → mentions to entities (gazetteer, facility registry, organisations), after extraction so context from the whole report decides ambiguous names
 */
export function processReport(input: ReportInput): ProcessedReport {
  const messages: Message[] = [];
  const sha256 = createHash('sha256').update(input.original).digest('hex');

  const decoded = decode(input);
  messages.push(...decoded.messages);

  const cleaned = clean(decoded.text, input.format);
  messages.push(...cleaned.messages);
  // Caller-given metadata (JSON fields, CLI flags) wins over what the document says of itself.
  const meta: ReportMeta = { ...dropEmpty(cleaned.meta), ...dropEmpty(input.meta) };

  const language = meta.language ?? detectLanguage(cleaned.text).language;
  const supported = SUPPORTED_LANGUAGES.includes(language);
  let claims: ProcessedReport['claims'] = [];
  if (supported) {
    const extracted = extractClaims(cleaned.text, { published: meta.published, language });
    const resolved = resolveClaims(cleaned.text, extracted.claims);
    claims = resolved.claims;
    messages.push(...extracted.messages, ...resolved.messages);
  } else {
    messages.push({
      source: 'detect',
      rule: 'detect.unsupported-language',
      reason: `language "${language}" is not supported yet; the report is stored but not extracted`,
      severity: 'warning',
    });
  }

  return {
    id: meta.id ?? `sha256-${sha256.slice(0, 16)}`,
    meta: { ...meta, language },
    origin: input.origin,
    sha256,
    original: input.original,
    encoding: decoded.encoding,
    text: cleaned.text,
    furniture: cleaned.furniture,
    language,
    extracted: supported,
    claims,
    messages,
  };
}

function dropEmpty(meta: ReportMeta): ReportMeta {
  return Object.fromEntries(Object.entries(meta).filter(([, v]) => v !== undefined && v !== null && v !== '')) as ReportMeta;
}
