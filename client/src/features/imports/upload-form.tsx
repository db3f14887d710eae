// Step 1: choose the file and its format; a generic CSV adds the column-mapping step. Uploading
// shows its own progress and can be cancelled; the server then checks the file in the background.
import { useQueryClient } from '@tanstack/react-query';
import {
  type ColumnMapping,
  ColumnMappingSchema,
  type GenericTarget,
  IMPORT_FORMATS,
  type ImportFormat,
  type ImportJob,
} from '@zhanggui/shared';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useTRPC } from '../../app/trpc';
import { ErrorPanel } from '../../components/error-panel';
import { ColumnMappingStep } from './column-mapping';
import styles from './imports.module.css';
import { readHeader } from './read-header';
import { type Upload, uploadFile } from './upload-file';

type FormatChoice = ImportFormat | 'auto';

export function UploadForm({ shop, onUploaded }: { shop: string; onUploaded: (job: ImportJob) => void }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [file, setFile] = useState<File | null>(null);
  const [format, setFormat] = useState<FormatChoice>('auto');
  const [columns, setColumns] = useState<string[]>([]);
  const [mapping, setMapping] = useState<{ target: GenericTarget; columns: Record<string, string> }>({
    target: 'traffic-hourly',
    columns: {},
  });
  const [progress, setProgress] = useState<number | null>(null);
  const [error, setError] = useState<Error | null>(null);
  const upload = useRef<Upload | null>(null);

  const chooseFile = async (chosen: File | null) => {
    setFile(chosen);
    setError(null);
    setColumns(chosen ? await readHeader(chosen) : []);
  };
  const parsedMapping = format === 'generic' ? ColumnMappingSchema.safeParse(mapping) : null;
  const canUpload = file !== null && progress === null && (parsedMapping === null || parsedMapping.success);

  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    if (!file || !canUpload) return;
    setError(null);
    setProgress(0);
    upload.current = uploadFile({
      shop,
      file,
      format: format === 'auto' ? null : format,
      mapping: parsedMapping?.success ? (parsedMapping.data as ColumnMapping) : null,
      onProgress: setProgress,
    });
    try {
      const job = await upload.current.done;
      await queryClient.invalidateQueries({ queryKey: trpc.imports.list.queryKey() });
      onUploaded(job);
    } catch (failure) {
      setError(failure as Error);
    } finally {
      upload.current = null;
      setProgress(null);
    }
  };

  return (
    <form className={`surface ${styles.card}`} onSubmit={submit} aria-labelledby="upload-title">
      <h2 id="upload-title" className={styles.cardTitle}>
        {t('imports.upload.title')}
      </h2>
      <label className={styles.field}>
        <span>{t('imports.upload.file')}</span>
        <input
          type="file"
          name="file"
          accept=".csv,.tsv,.txt,text/csv"
          onChange={(e) => void chooseFile(e.target.files?.[0] ?? null)}
        />
      </label>
      <label className={styles.field}>
        <span>{t('imports.upload.format')}</span>
        <select name="format" value={format} onChange={(e) => setFormat(e.target.value as FormatChoice)}>
          {(['auto', ...IMPORT_FORMATS] as const).map((f) => (
            <option key={f} value={f}>
              {t(`imports.formats.${f}`)}
            </option>
          ))}
        </select>
      </label>
      {format === 'generic' && (
        <ColumnMappingStep
          columns={columns}
          mapping={mapping}
          onChange={setMapping}
          problems={
            parsedMapping && !parsedMapping.success ? parsedMapping.error.issues.map((i) => i.message) : []
          }
        />
      )}
      <p className={styles.hint}>{t('imports.upload.hint')}</p>
      {progress !== null ? (
        <div className={styles.actions}>
          <ProgressBar
            fraction={progress}
            label={t('imports.upload.uploading', { percent: Math.floor(progress * 100) })}
          />
          <button type="button" onClick={() => upload.current?.abort()}>
            {t('imports.upload.cancel')}
          </button>
        </div>
      ) : (
        <div className={styles.actions}>
          <button type="submit" className={styles.primary} disabled={!canUpload}>
            {t('imports.upload.submit')}
          </button>
        </div>
      )}
      {error && <ErrorPanel title={t('imports.errors.upload')} error={error} />}
    </form>
  );
}

export function ProgressBar({ fraction, label }: { fraction: number; label: string }) {
  const percent = Math.max(0, Math.min(100, Math.floor(fraction * 100)));
  return (
    <div className={styles.progress}>
      <div
        className={styles.progressTrack}
        role="progressbar"
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={percent}
        aria-label={label}
      >
        <div className={styles.progressFill} style={{ width: `${percent}%` }} />
      </div>
      <span className={styles.progressLabel}>{label}</span>
    </div>
  );
}
