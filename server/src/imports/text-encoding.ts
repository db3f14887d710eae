// Detects a file's text encoding from its first bytes and decodes a byte stream into text.
// Chinese seller tools write GBK (a subset of GB18030) or UTF-16; everything else is UTF-8.
import { Transform } from 'node:stream';
import { ImportFileError } from './import-file-error.js';

export type TextEncoding = 'utf-8' | 'gb18030' | 'utf-16le' | 'utf-16be';

export interface DetectedEncoding {
  encoding: TextEncoding;
  /** Bytes of byte-order mark to skip. */
  bomLength: number;
}

/** Decides from a sample of the file's first bytes (64 KiB is plenty). */
export function detectEncoding(sample: Uint8Array): DetectedEncoding {
  if (sample[0] === 0xef && sample[1] === 0xbb && sample[2] === 0xbf)
    return { encoding: 'utf-8', bomLength: 3 };
  if (sample[0] === 0xff && sample[1] === 0xfe) return { encoding: 'utf-16le', bomLength: 2 };
  if (sample[0] === 0xfe && sample[1] === 0xff) return { encoding: 'utf-16be', bomLength: 2 };
  return { encoding: isValidUtf8Prefix(sample) ? 'utf-8' : 'gb18030', bomLength: 0 };
}

/** True when the bytes are UTF-8, allowing a character cut off at the end of the sample. */
export function isValidUtf8Prefix(bytes: Uint8Array): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes, { stream: true });
    return true;
  } catch {
    return false;
  }
}

/**
 * A Transform from bytes to text: it gives strings, not the text encoded again as UTF-8 bytes for its
 * reader to decode a second time. UTF-8 is decoded strictly, so a file that turns out not to be UTF-8
 * after the sample stops with a clear error instead of importing replacement characters.
 */
export function createDecoder(detected: DetectedEncoding): Transform {
  const decoder = new TextDecoder(detected.encoding, { fatal: detected.encoding === 'utf-8' });
  let skip = detected.bomLength;
  let offset = 0;
  const fail = (error: unknown) =>
    new ImportFileError(
      { code: 'encodingChanges', params: { encoding: detected.encoding.toUpperCase(), offset } },
      { cause: error },
    );
  return new Transform({
    decodeStrings: true,
    readableObjectMode: true,
    transform(chunk: Buffer, _encoding, callback) {
      let bytes: Uint8Array = chunk;
      if (skip > 0) {
        const skipped = Math.min(skip, bytes.length);
        bytes = bytes.subarray(skipped);
        skip -= skipped;
      }
      try {
        const text = decoder.decode(bytes, { stream: true });
        offset += chunk.length;
        // A chunk that ends inside a character may decode to nothing yet; an empty string is no chunk.
        if (text !== '') this.push(text);
        callback();
      } catch (error) {
        callback(fail(error));
      }
    },
    flush(callback) {
      try {
        const rest = decoder.decode();
        if (rest !== '') this.push(rest);
        callback();
      } catch (error) {
        callback(fail(error));
      }
    },
  });
}
