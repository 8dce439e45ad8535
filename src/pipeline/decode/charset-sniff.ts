import { iconv } from './charset-libraries.js';

/** A byte-order mark: the charset it announces and how many bytes it takes. */
export interface Bom {
  encoding: 'utf-8' | 'utf-16le' | 'utf-16be';
  length: number;
}

/** The byte-order mark at the start of the bytes, if any. */
export function sniffBom(bytes: Uint8Array): Bom | null {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { encoding: 'utf-8', length: 3 };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { encoding: 'utf-16le', length: 2 };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { encoding: 'utf-16be', length: 2 };
  return null;
}

/**
 * UTF-16 without a byte-order mark, told by its high bytes: in Latin or Cyrillic text written
 * as UTF-16 nearly every other byte is 0x00 (ASCII) or 0x04 (Cyrillic), always on the same
 * side, while the other side is rarely zero.
 */
export function sniffUtf16WithoutBom(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  const sample = bytes.subarray(0, Math.min(bytes.length, 4096) & ~1);
  if (sample.length < 8) return null;
  const pairs = sample.length / 2;
  const count = (offset: number, test: (b: number) => boolean) => {
    let n = 0;
    for (let i = offset; i < sample.length; i += 2) if (test(sample[i])) n++;
    return n / pairs;
  };
  const high = (b: number) => b === 0x00 || b === 0x04;
  const zero = (b: number) => b === 0x00;
  // Some zero high bytes are required, so pure Cyrillic in one byte per letter never qualifies.
  if (count(1, high) > 0.9 && count(1, zero) > 0.1 && count(0, zero) < 0.05) return 'utf-16le';
  if (count(0, high) > 0.9 && count(0, zero) > 0.1 && count(1, zero) < 0.05) return 'utf-16be';
  return null;
}

/**
 * True when the non-ASCII bytes mostly form valid UTF-8 characters: UTF-8 with a few corrupt
 * bytes, not a legacy charset (whose letters seldom happen to form UTF-8 sequences).
 */
export function isMostlyUtf8(bytes: Uint8Array): boolean {
  const text = new TextDecoder('utf-8').decode(bytes.subarray(0, 64 * 1024));
  let valid = 0;
  let replaced = 0;
  for (const ch of text) {
    if (ch === '\ufffd') replaced++;
    else if (ch.charCodeAt(0) >= 0x80) valid++;
  }
  return valid >= replaced;
}

/**
 * The charset an HTML page declares in its first 4 KB (`<meta charset>`, the http-equiv
 * content type, or an XML declaration), when iconv-lite knows it; lower-cased.
 */
export function findDeclaredCharset(bytes: Uint8Array): string | null {
  const head = Buffer.from(bytes.subarray(0, 4096)).toString('latin1');
  const found =
    /<meta[^>]*?charset\s*=\s*["']?\s*([\w:.-]+)/iu.exec(head) ?? /<\?xml[^>]*encoding\s*=\s*["']([\w:.-]+)["']/iu.exec(head);
  const label = found?.[1]?.toLowerCase();
  return label && iconv().encodingExists(label) ? label : null;
}

/** True when the label names UTF-8 under any of its aliases. */
export function isUtf8Label(label: string): boolean {
  return /^(utf-?8|unicode-1-1-utf-8)$/iu.test(label);
}
