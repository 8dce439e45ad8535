import { sniffBom, sniffUtf16WithoutBom } from '../pipeline/decode/charset-sniff.js';

/** How much of a file the content sniffers read. */
const SAMPLE_BYTES = 64 * 1024;
/** Share of control characters above which bytes are not text. */
const MAX_CONTROL_SHARE = 0.1;

/**
 * Why the bytes are not text, or null when they are: NUL bytes or many control characters
 * mean a binary file (UTF-16, whose zero bytes are expected, is recognised first).
 */
export function whyNotText(bytes: Uint8Array): string | null {
  const bom = sniffBom(bytes);
  if (bom?.encoding.startsWith('utf-16') || sniffUtf16WithoutBom(bytes)) return null;
  const sample = bytes.subarray(0, SAMPLE_BYTES);
  let control = 0;
  for (const byte of sample) {
    if (byte === 0) return 'binary file (contains NUL bytes)';
    // Tab, line feed, vertical tab, form feed, carriage return and escape occur in text files.
    if (byte < 0x20 && ![0x09, 0x0a, 0x0b, 0x0c, 0x0d, 0x1b].includes(byte)) control++;
  }
  return control > sample.length * MAX_CONTROL_SHARE ? 'binary file (too many control characters)' : null;
}

/** True when the bytes hold nothing but white space (ASCII, or a BOM and white space). */
export function isBlankBytes(bytes: Uint8Array): boolean {
  const start = sniffBom(bytes)?.encoding === 'utf-8' ? 3 : 0;
  for (let i = start; i < bytes.length; i++) if (![0x09, 0x0a, 0x0b, 0x0c, 0x0d, 0x20].includes(bytes[i])) return false;
  return true;
}

/** The kind of content read from a stream without a file name: one JSON report, JSON lines, HTML or plain text. */
export function sniffFormat(text: string): 'json' | 'jsonl' | 'html' | 'text' {
  const head = text.trimStart().slice(0, 1024);
  if (head.startsWith('{') || head.startsWith('[')) {
    const lines = text.split('\n').filter((line) => line.trim() !== '');
    return lines.length > 1 && lines.every((line) => line.trimStart().startsWith('{') && line.trimEnd().endsWith('}')) ? 'jsonl' : 'json';
  }
  if (/^<(!doctype html|html|head|body)\b/iu.test(head) || /<(p|div|article|h1|title|meta)\b[^>]*>/iu.test(head)) return 'html';
  return 'text';
}
