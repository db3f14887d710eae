// Uploads a file to the import endpoint with progress; XMLHttpRequest because fetch reports no
// upload progress. The body is the file itself, streamed to disk by the server.
import type { ColumnMapping, ImportFormat, ImportJob } from '@zhanggui/shared';
import type { Language } from '../../i18n/i18n';

export interface UploadRequest {
  shop: string;
  file: File;
  format: ImportFormat | null;
  mapping: ColumnMapping | null;
  onProgress: (fraction: number) => void;
}

export interface Upload {
  done: Promise<ImportJob>;
  abort(): void;
}

export function uploadUrl(
  shop: string,
  fileName: string,
  format: ImportFormat | null,
  mapping: ColumnMapping | null,
) {
  const query = new URLSearchParams({ fileName });
  if (format) query.set('format', format);
  if (mapping) query.set('mapping', JSON.stringify(mapping));
  return `/api/shops/${encodeURIComponent(shop)}/imports?${query}`;
}

/** The job's row errors as CSV, the reasons written in the given language. */
export function errorsCsvUrl(shop: string, jobId: number, language: Language): string {
  return `/api/shops/${encodeURIComponent(shop)}/imports/${jobId}/errors.csv?lang=${language}`;
}

export function uploadFile(request: UploadRequest): Upload {
  const xhr = new XMLHttpRequest();
  const done = new Promise<ImportJob>((resolve, reject) => {
    xhr.open('POST', uploadUrl(request.shop, request.file.name, request.format, request.mapping));
    xhr.setRequestHeader('Content-Type', 'application/octet-stream');
    xhr.responseType = 'json';
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable) request.onProgress(event.loaded / event.total);
    };
    xhr.onload = () => {
      if (xhr.status === 201) resolve(xhr.response as ImportJob);
      else
        reject(
          new Error((xhr.response as { error?: string } | null)?.error ?? `Upload failed (${xhr.status}).`),
        );
    };
    xhr.onerror = () => reject(new Error('The upload did not reach the server.'));
    xhr.onabort = () => reject(new Error('Upload cancelled.'));
    xhr.send(request.file);
  });
  return { done, abort: () => xhr.abort() };
}
