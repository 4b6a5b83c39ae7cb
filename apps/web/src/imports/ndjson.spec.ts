import { describe, expect, test } from '@jest/globals';
import { ndjsonLines } from './ndjson';

function streamOf(chunks: Uint8Array[]): ReadableStream<Uint8Array> {
  return new ReadableStream({
    start(controller) {
      for (const chunk of chunks) controller.enqueue(chunk);
      controller.close();
    },
  });
}

async function all(stream: ReadableStream<Uint8Array>) {
  const lines: unknown[] = [];
  for await (const line of ndjsonLines(stream)) lines.push(line);
  return lines;
}

describe('ndjsonLines', () => {
  test('a line cut between two chunks, and a Japanese letter cut between its bytes, are read whole', async () => {
    const bytes = new TextEncoder().encode('{"type":"progress","processed":250,"total":500}\n{"type":"report","name":"氏名"}\n');
    const cut = bytes.indexOf(0xe6) + 1; // inside 氏 (three bytes)
    const lines = await all(streamOf([bytes.slice(0, 20), bytes.slice(20, cut), bytes.slice(cut)]));
    expect(lines).toEqual([
      { type: 'progress', processed: 250, total: 500 },
      { type: 'report', name: '氏名' },
    ]);
  });

  test('the last line without a newline, and blank lines, are handled', async () => {
    const lines = await all(streamOf([new TextEncoder().encode('{"a":1}\n\n{"b":2}')]));
    expect(lines).toEqual([{ a: 1 }, { b: 2 }]);
  });
});
