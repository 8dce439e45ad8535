/**
 * Reads a whole stream (stdin) into bytes, stopping with a reason once it passes `maxBytes`,
 * so a runaway pipe cannot exhaust memory.
 */
export async function readStream(
  stream: AsyncIterable<Uint8Array | string>,
  maxBytes: number,
): Promise<{ ok: true; bytes: Uint8Array } | { ok: false; reason: string }> {
  const chunks: Uint8Array[] = [];
  let total = 0;
  try {
    for await (const chunk of stream) {
      const bytes = typeof chunk === 'string' ? new TextEncoder().encode(chunk) : chunk;
      total += bytes.length;
      if (total > maxBytes) return { ok: false, reason: `input is over the limit of ${maxBytes} bytes` };
      chunks.push(bytes);
    }
  } catch (error) {
    return { ok: false, reason: `cannot be read (${(error as Error).message})` };
  }
  return { ok: true, bytes: new Uint8Array(Buffer.concat(chunks)) };
}
