/**
 * Newline-delimited JSON read as it arrives: a chunk may end in the middle of a line (or of a
 * multi-byte letter), so the decoder streams and the unfinished tail waits for the next chunk.
 */
export async function* ndjsonLines(body: ReadableStream<Uint8Array>): AsyncGenerator<unknown> {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  let pending = '';
  for (;;) {
    const { done, value } = await reader.read();
    pending += done ? decoder.decode() : decoder.decode(value, { stream: true });
    const lines = pending.split('\n');
    pending = done ? '' : lines.pop()!;
    for (const line of lines) if (line.trim() !== '') yield JSON.parse(line) as unknown;
    if (done) return;
  }
}
