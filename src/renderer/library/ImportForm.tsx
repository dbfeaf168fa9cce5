// Import by drag and drop or the file dialog, with the metadata every file of the batch gets
// (newspaper title, issue date, edition). Each file succeeds or fails alone; failures are listed
// with their reason.

import { Callout, Classes, FormGroup, InputGroup } from '@blueprintjs/core';
import { useState, type DragEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { BackfileApi, ImportReport } from '../../shared/api/contract.ts';
import { SCAN_EXTENSIONS } from '../../shared/import-files.ts';
import { errorText } from '../i18n/error-text.ts';

export function ImportForm({ api }: { api: BackfileApi }) {
  const { t, i18n } = useTranslation();
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
        <FormGroup label={t('importForm.newspaper')} labelFor="import-newspaper">
          <InputGroup id="import-newspaper" value={title} onChange={(e) => setTitle(e.target.value)} />
        </FormGroup>
        <FormGroup label={t('importForm.date')} labelFor="import-date">
          <InputGroup id="import-date" type="date" value={date} onChange={(e) => setDate(e.target.value)} />
        </FormGroup>
        <FormGroup label={t('importForm.edition')} labelFor="import-edition">
          <InputGroup id="import-edition" value={edition} onChange={(e) => setEdition(e.target.value)} />
        </FormGroup>
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
        <label className={`file-button ${Classes.BUTTON} ${Classes.INTENT_PRIMARY}`}>
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
        <Callout
          role="status"
          className="import-report"
          intent={report.failed > 0 ? 'warning' : 'success'}
          compact
        >
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
                  {
                    // The core's sentence names the file; a translated one is the kind of failure.
                    i18n.language.startsWith('en') ? (
                      f.message
                    ) : (
                      <>
                        <strong>{f.name}</strong>: {errorText({ code: f.code, message: f.message })}
                      </>
                    )
                  }
                </li>
              ))}
            </ul>
          )}
        </Callout>
      )}
      {error && (
        <Callout intent="danger" role="alert" compact>
          {error}
        </Callout>
      )}
    </details>
  );
}
