// Import by drag and drop or the file dialog, with the metadata every file of the batch gets
// (newspaper title, issue date, edition). Each file succeeds or fails alone; failures are listed
// with their reason.

import { useState, type DragEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { BackfileApi, ImportReport } from '../../shared/api/contract.ts';
import { SCAN_EXTENSIONS } from '../../shared/import-files.ts';

export function ImportForm({ api }: { api: BackfileApi }) {
  const { t } = useTranslation();
  const [title, setTitle] = useState('');
  const [date, setDate] = useState('');
  const [edition, setEdition] = useState('');
  const [busy, setBusy] = useState(false);
  const [over, setOver] = useState(false);
  const [report, setReport] = useState<ImportReport | null>(null);
  const [error, setError] = useState<string | null>(null);

  const importFiles = (files: File[]) => {
    if (files.length === 0) return;
    setBusy(true);
    setError(null);
    api
      .importDropped(files, {
        ...(title.trim() ? { title: title.trim() } : {}),
        ...(date ? { date } : {}),
        ...(edition.trim() ? { edition: edition.trim() } : {}),
      })
      .then(setReport, (e: Error) => setError(e.message))
      .finally(() => setBusy(false));
  };
  const drop = (e: DragEvent) => {
    e.preventDefault();
    setOver(false);
    importFiles([...e.dataTransfer.files]);
  };

  return (
    <details className="import-form">
      <summary>{t('importForm.title')}</summary>
      <div className="import-fields">
        <label>
          {t('importForm.newspaper')} <input value={title} onChange={(e) => setTitle(e.target.value)} />
        </label>
        <label>
          {t('importForm.date')} <input type="date" value={date} onChange={(e) => setDate(e.target.value)} />
        </label>
        <label>
          {t('importForm.edition')} <input value={edition} onChange={(e) => setEdition(e.target.value)} />
        </label>
      </div>
      <div
        className={`drop-zone${over ? ' over' : ''}`}
        onDragOver={(e) => {
          e.preventDefault();
          setOver(true);
        }}
        onDragLeave={() => setOver(false)}
        onDrop={drop}
      >
        {busy ? t('importForm.busy') : t('importForm.drop')}{' '}
        <label className="file-button">
          {t('importForm.choose')}
          <input
            type="file"
            multiple
            accept={SCAN_EXTENSIONS.join(',')}
            aria-label={t('importForm.choose')}
            onChange={(e) => importFiles([...(e.target.files ?? [])])}
          />
        </label>
      </div>
      {report && (
        <div role="status" className="import-report">
          {t('importForm.report', {
            imported: report.imported,
            pages: report.pages,
            duplicates: report.duplicates,
            failed: report.failed,
          })}
          {report.failures.length > 0 && (
            <ul className="failures">
              {report.failures.map((f, i) => (
                <li key={i}>
                  <strong>{f.name}</strong>: {f.message}
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
      {error && <p className="error">{error}</p>}
    </details>
  );
}
