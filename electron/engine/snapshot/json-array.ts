import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import streamArray from 'stream-json/streamers/stream-array.js';

/** The file is not JSON, or its top level is not an array. */
export class NotAJsonArrayError extends Error {}

const CHUNK_BYTES = 1 << 20;

/**
 * Hands each element of a JSON array to `take`, in order, as it is parsed: memory holds one element,
 * not the list. JSON.parse cannot do this, even with a reviver: it builds every element before the
 * reviver sees the first (155 MB for a 100,000-entry index.json, 43 MB of text). stream-json's parser
 * reads the input in chunks. An error thrown by `take` stops the parse and comes out as it is; what is
 * wrong with the input comes out as NotAJsonArrayError.
 */
export async function forEachJsonArrayElement(input: Readable | Buffer, take: (value: unknown) => void): Promise<void> {
  let taking = false;
  try {
    await pipeline(Buffer.isBuffer(input) ? Readable.from(chunksOf(input)) : input, streamArray.withParserAsStream(), async (elements: AsyncIterable<{ value: unknown }>) => {
      for await (const { value } of elements) {
        taking = true;
        // The parser slices strings out of its input chunks: a string kept from `value` would keep its
        // whole chunk (all of index.json, for a list of ids). The copy JSON.parse makes shares nothing.
        take(JSON.parse(JSON.stringify(value)));
        taking = false;
      }
    });
  } catch (error) {
    if (taking) throw error;
    throw new NotAJsonArrayError(`not a JSON array: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
  }
}

function* chunksOf(bytes: Buffer): Generator<Buffer> {
  for (let start = 0; start < bytes.length; start += CHUNK_BYTES) yield bytes.subarray(start, start + CHUNK_BYTES);
}
