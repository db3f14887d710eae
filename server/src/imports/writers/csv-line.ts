/** One CSV line (RFC 4180 quoting), without the line break. */
export function toCsvLine(fields: ReadonlyArray<string | number | null | undefined>): string {
  return fields
    .map((field) => {
      const text = field === null || field === undefined ? '' : String(field);
      return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
    })
    .join(',');
}
