// Reads the header row of a file in the browser, for the column-mapping step: the same encoding
// detection as the server (BOM, valid UTF-8, else GB18030) and the same delimiter guess.

const SAMPLE_BYTES = 64 * 1024;

export function decodeSample(bytes: Uint8Array): string {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf)
    return new TextDecoder('utf-8').decode(bytes.subarray(3));
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes, { stream: true });
  } catch {
    return new TextDecoder('gb18030').decode(bytes, { stream: true });
  }
}

/** Splits the first line into column names; quoted names may hold the delimiter and doubled quotes. */
export function headerColumns(text: string): string[] {
  const end = text.search(/\r|\n/);
  const line = end === -1 ? text : text.slice(0, end);
  const delimiter = [',', '\t', ';'].reduce(
    (best, d) => (line.split(d).length > line.split(best).length ? d : best),
    ',',
  );
  const columns: string[] = [];
  let current = '';
  let isQuoted = false;
  for (let i = 0; i < line.length; i++) {
    const char = line[i]!;
    if (isQuoted) {
      if (char === '"' && line[i + 1] === '"') {
        current += '"';
        i++;
      } else if (char === '"') isQuoted = false;
      else current += char;
    } else if (char === '"') isQuoted = true;
    else if (char === delimiter) {
      columns.push(current.trim());
      current = '';
    } else current += char;
  }
  columns.push(current.trim());
  return columns.filter((c) => c !== '');
}

export async function readHeader(file: Blob): Promise<string[]> {
  const bytes = new Uint8Array(await file.slice(0, SAMPLE_BYTES).arrayBuffer());
  return headerColumns(decodeSample(bytes));
}
