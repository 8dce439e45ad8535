import iconv from 'iconv-lite';

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
 * UTF-16 without a byte-order mark, told by its zero bytes: text in Latin or Cyrillic script
 * written as UTF-16 has a zero in nearly every other byte (the high byte of ASCII characters,
 * or 0x04 for Cyrillic), always on the same side.
 */
export function sniffUtf16WithoutBom(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  const sample = bytes.subarray(0, Math.min(bytes.length, 4096) & ~1);
  if (sample.length < 8) return null;
  let evenZero = 0;
  let oddZero = 0;
  for (let i = 0; i < sample.length; i += 2) {
    if (sample[i] === 0) evenZero++;
    if (sample[i + 1] === 0) oddZero++;
  }
  const pairs = sample.length / 2;
  if (oddZero > pairs * 0.4 && evenZero < pairs * 0.05) return 'utf-16le';
  if (evenZero > pairs * 0.4 && oddZero < pairs * 0.05) return 'utf-16be';
  return null;
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
  return label && iconv.encodingExists(label) ? label : null;
}

/** True when the label names UTF-8 under any of its aliases. */
export function isUtf8Label(label: string): boolean {
  return /^(utf-?8|unicode-1-1-utf-8)$/iu.test(label);
}
