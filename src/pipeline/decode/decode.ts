import type { Message, ReportInput } from '../../domain/types.js';

export interface Decoded {
  text: string;
  encoding: string;
  messages: Message[];
}

/** Turns a report's original bytes into text. PLACEHOLDER: UTF-8 only; replaced by charset detection. */
export function decode(input: ReportInput): Decoded {
  if (input.decoded !== undefined) return { text: input.decoded, encoding: 'utf-8', messages: [] };
  return { text: new TextDecoder('utf-8').decode(input.original), encoding: 'utf-8', messages: [] };
}
