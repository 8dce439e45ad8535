import { createRequire } from 'node:module';
import type { Message, ReportMeta } from '../../domain/types.js';
import { readHtmlMeta, type MetaDocument } from './html-meta.js';
import { domToText, type TextNode } from './html-text.js';

type HtmlLibraries = { DOMParser: typeof import('linkedom').DOMParser; Readability: typeof import('@mozilla/readability').Readability };

const require = createRequire(import.meta.url);
let libraries: HtmlLibraries | undefined;

/**
 * linkedom and readability, loaded at the first HTML page rather than with the pipeline: importing
 * linkedom alone takes about 190 ms, and plain-text reports (and every warm-up) never need it.
 */
function htmlLibraries(): HtmlLibraries {
  libraries ??= {
    DOMParser: (require('linkedom') as typeof import('linkedom')).DOMParser,
    Readability: (require('@mozilla/readability') as typeof import('@mozilla/readability')).Readability,
  };
  return libraries;
}

/** Article text shorter than this means readability missed the article; the body is used instead. */
const MIN_ARTICLE_CHARS = 140;

export interface ExtractedHtml {
  /** Plain text, paragraphs separated by blank lines. */
  text: string;
  meta: ReportMeta;
  messages: Message[];
}

/**
 * Reduces an HTML page to its article text with @mozilla/readability over linkedom, reading
 * the page's metadata first (readability rewrites the document). When readability finds no
 * article, or fails, the whole body's text is used (without nav, footer and scripts) and a
 * message says so.
 */
export function extractHtml(html: string): ExtractedHtml {
  const messages: Message[] = [];
  const doc = parse(html);
  const meta = readHtmlMeta(doc as unknown as MetaDocument);
  let text = '';
  try {
    const article = new (htmlLibraries().Readability)(doc as unknown as Document).parse();
    if (article?.content) text = domToText(parse(`<body>${article.content}</body>`).body as unknown as TextNode);
  } catch (error) {
    messages.push({ source: 'clean', rule: 'clean.readability-failed', reason: `readability failed: ${String(error)}`, severity: 'info' });
  }
  if (text.length < MIN_ARTICLE_CHARS) {
    const body = parse(html).body as unknown as TextNode | null;
    const fallback = body ? domToText(body, new Set(['NAV', 'FOOTER'])) : '';
    if (fallback.length > text.length) {
      messages.push({
        source: 'clean',
        rule: 'clean.html-body-fallback',
        reason: 'no article found by readability; the text of the whole page body is used',
        severity: 'info',
      });
      text = fallback;
    }
  }
  return { text, meta, messages };
}

/** Parses HTML; a fragment without an `<html>` element (linkedom leaves those without a body) is wrapped first. */
function parse(html: string) {
  const { DOMParser } = htmlLibraries();
  const doc = new DOMParser().parseFromString(html, 'text/html');
  if (doc.documentElement && doc.documentElement.querySelector('body')) return doc;
  return new DOMParser().parseFromString(`<!doctype html><html><head></head><body>${html}</body></html>`, 'text/html');
}
