// Merchants upload the wrong file more often than a broken one: the .xlsx their seller tool also
// offers, a zipped export, a PDF invoice. Said plainly from the first bytes, before any parsing.
import type { ImportReason, ImportReasonCode } from '@zhanggui/shared';

const SIGNATURES: Array<{ bytes: number[]; code: ImportReasonCode }> = [
  { bytes: [0x50, 0x4b, 0x03, 0x04], code: 'xlsxOrZip' },
  { bytes: [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1], code: 'xls' },
  { bytes: [0x1f, 0x8b], code: 'gzip' },
  { bytes: [0x25, 0x50, 0x44, 0x46, 0x2d], code: 'pdf' },
];

/** Why a file that starts with these bytes cannot be a CSV export, or null when it may be one. */
export function notACsvProblem(sample: Uint8Array): ImportReason | null {
  for (const { bytes, code } of SIGNATURES) {
    if (bytes.every((byte, i) => sample[i] === byte)) return { code, params: {} };
  }
  const isUtf16 = (sample[0] === 0xff && sample[1] === 0xfe) || (sample[0] === 0xfe && sample[1] === 0xff);
  // NUL never occurs in UTF-8 or GBK text; in UTF-16 it is half of every ASCII character.
  if (!isUtf16 && sample.includes(0)) return { code: 'binary', params: {} };
  return null;
}
