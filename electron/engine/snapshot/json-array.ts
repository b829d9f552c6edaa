import type { Duplex } from 'node:stream';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import pick from 'stream-json/filters/pick.js';
import streamArray from 'stream-json/streamers/stream-array.js';
import streamValues from 'stream-json/streamers/stream-values.js';

/** The file is not JSON, or its top level is not an array. */
export class NotAJsonArrayError extends Error {}

/** The file is not JSON. */
export class NotJsonError extends Error {}

const CHUNK_BYTES = 1 << 20;

/**
 * Hands each element of a JSON array to `take`, in order, as it is parsed: memory holds one element,
 * not the list. JSON.parse cannot do this, even with a reviver: it builds every element before the
 * reviver sees the first (155 MB for a 100,000-entry index.json, 43 MB of text). stream-json's parser
 * reads the input in chunks. An error thrown by `take` stops the parse and comes out as it is; what is
 * wrong with the input comes out as NotAJsonArrayError.
 */
export async function forEachJsonArrayElement(input: Readable | Buffer, take: (value: unknown) => void): Promise<void> {
  await forEachParsedValue(input, [streamArray.withParserAsStream()], take, (message, cause) => new NotAJsonArrayError(`not a JSON array: ${message}`, { cause }));
}

/** A value's place in a JSON document: the keys and positions leading to it, as `['entries', 3]`. */
export type JsonPath = readonly (string | number | null)[];

/**
 * Hands `take` each value whose path `picked` accepts, in the order of the document, as it is parsed:
 * the members of one list in a large object without the object. A callback's error comes out as it
 * is; what is wrong with the input comes out as NotJsonError.
 */
export async function forEachPickedJsonValue(input: Readable | Buffer, picked: (path: JsonPath) => boolean, take: (value: unknown) => void): Promise<void> {
  await forEachParsedValue(input, [pick.withParserAsStream({ filter: (stack: JsonPath) => picked(stack) }), streamValues.asStream()], take, (message, cause) => new NotJsonError(`not JSON: ${message}`, { cause }));
}

/** Parses `input` through `parse` (then `stream`, when the values need assembling after a filter). */
async function forEachParsedValue(input: Readable | Buffer, [parse, stream]: [Duplex, Duplex?], take: (value: unknown) => void, inputError: (message: string, cause: unknown) => Error): Promise<void> {
  // What `take` threw: the pipeline may report another stage's abort instead.
  let thrown: { error: unknown } | undefined;
  const source = Buffer.isBuffer(input) ? Readable.from(chunksOf(input)) : input;
  const consume = async (values: AsyncIterable<{ value: unknown }>) => {
    for await (const { value } of values) {
      try {
        // The parser slices strings out of its input chunks: a string kept from `value` would keep its
        // whole chunk (all of index.json, for a list of ids). The copy JSON.parse makes shares nothing.
        take(JSON.parse(JSON.stringify(value)));
      } catch (error) {
        thrown = { error };
        throw error;
      }
    }
  };
  try {
    await (stream ? pipeline(source, parse, stream, consume) : pipeline(source, parse, consume));
  } catch (error) {
    if (thrown) throw thrown.error;
    throw inputError(error instanceof Error ? error.message : String(error), error);
  }
}

function* chunksOf(bytes: Buffer): Generator<Buffer> {
  for (let start = 0; start < bytes.length; start += CHUNK_BYTES) yield bytes.subarray(start, start + CHUNK_BYTES);
}
