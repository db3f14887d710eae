// Merchants upload the wrong file more often than a broken one: the .xlsx their seller tool also
// offers, a zipped export, a PDF invoice. Said plainly from the first bytes, before any parsing.

const SIGNATURES: Array<{ bytes: number[]; problem: string }> = [
  {
    bytes: [0x50, 0x4b, 0x03, 0x04],
    problem:
      'This is an Excel workbook (.xlsx) or a ZIP archive, not a CSV file. Open it in Excel or WPS, save it as CSV (UTF-8), and upload that file; a ZIP archive, unpack it first.',
  },
  {
    bytes: [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1],
    problem:
      'This is an old Excel workbook (.xls), not a CSV file. Open it in Excel or WPS, save it as CSV (UTF-8), and upload that file.',
  },
  {
    bytes: [0x1f, 0x8b],
    problem: 'This file is compressed (gzip), not a CSV file. Unpack it and upload the CSV inside.',
  },
  {
    bytes: [0x25, 0x50, 0x44, 0x46, 0x2d],
    problem:
      'This is a PDF document, not a CSV file. Upload the CSV export of your orders, products, traffic or ads.',
  },
];

const BINARY =
  'This file holds binary data, not text, so it is not a CSV file. Upload the CSV export itself (Shopify, Taobao/Tmall, or any CSV).';

/** Why a file that starts with these bytes cannot be a CSV export, or null when it may be one. */
export function notACsvProblem(sample: Uint8Array): string | null {
  for (const { bytes, problem } of SIGNATURES) {
    if (bytes.every((byte, i) => sample[i] === byte)) return problem;
  }
  const isUtf16 = (sample[0] === 0xff && sample[1] === 0xfe) || (sample[0] === 0xfe && sample[1] === 0xff);
  // NUL never occurs in UTF-8 or GBK text; in UTF-16 it is half of every ASCII character.
  if (!isUtf16 && sample.includes(0)) return BINARY;
  return null;
}
