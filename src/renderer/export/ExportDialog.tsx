// The export dialog: a format, a scope (given by the view that opens it), and where to write:
// in a browser, by default one ZIP the browser downloads; else a folder (a new one under
// "Backfile exports" unless the user names or, in Electron, picks one), or one ZIP file there.

import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiInput, BackfileApi } from '../../shared/api/contract.ts';
import {
  EXPORT_FORMATS,
  isPageFormat,
  publicationUrlProblem,
  type ExportFormat,
} from '../../shared/export.ts';

export interface ExportScope {
  label: string;
  request: Omit<ApiInput<'exportCollection'>, 'format' | 'out' | 'zip' | 'images' | 'baseUrl'>;
}

export function ExportDialog({
  api,
  scopes,
  onClose,
}: {
  api: BackfileApi;
  scopes: ExportScope[];
  onClose(): void;
}) {
  const { t } = useTranslation();
  const [format, setFormat] = useState<ExportFormat>('alto');
  const [scope, setScope] = useState(0);
  // A browser downloads unless told to write into a folder on this machine.
  const [where, setWhere] = useState<'download' | 'folder'>(api.downloadUrl ? 'download' : 'folder');
  const download = where === 'download';
  const [out, setOut] = useState('');
  const [zip, setZip] = useState(false);
  const [images, setImages] = useState(false);
  // A IIIF manifest names its files by the URL they will be published at (kept between exports).
  const [baseUrl, setBaseUrl] = useState(() => localStorage.getItem('backfile.iiifBaseUrl') ?? '');
  const iiif = format === 'iiif';
  const baseUrlProblem = iiif && publicationUrlProblem(baseUrl.trim()) !== null;
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  const run = () => {
    setBusy(true);
    setError(null);
    if (iiif) localStorage.setItem('backfile.iiifBaseUrl', baseUrl.trim());
    api
      .call('exportCollection', {
        format,
        ...scopes[scope]!.request,
        ...(download ? { download: true } : { zip, ...(out.trim() ? { out: out.trim() } : {}) }),
        images: isPageFormat(format) ? images : false,
        ...(iiif ? { baseUrl: baseUrl.trim() } : {}),
      })
      .then(
        (r) => {
          if (r.download && api.downloadUrl) {
            fetchDownload(api.downloadUrl(r.download), r.download);
            setResult(t('exportDialog.downloaded', { count: r.files, name: r.download }));
          } else setResult(t('exportDialog.done', { count: r.files, target: r.target }));
        },
        (e: Error) => setError(e.message),
      )
      .finally(() => setBusy(false));
  };

  return (
    <div className="dialog" role="dialog" aria-label={t('exportDialog.title')}>
      <h2>{t('exportDialog.title')}</h2>
      <label>
        {t('exportDialog.format')}{' '}
        <select value={format} onChange={(e) => setFormat(e.target.value as ExportFormat)}>
          {EXPORT_FORMATS.map((f) => (
            <option key={f} value={f}>
              {t(`exportFormat.${f}`)}
            </option>
          ))}
        </select>
      </label>
      <fieldset>
        <legend>{t('exportDialog.scope')}</legend>
        {scopes.map((s, i) => (
          <label key={s.label}>
            <input type="radio" name="scope" checked={scope === i} onChange={() => setScope(i)} /> {s.label}
          </label>
        ))}
      </fieldset>
      {api.downloadUrl && (
        <fieldset>
          <legend>{t('exportDialog.where')}</legend>
          <label>
            <input type="radio" name="where" checked={download} onChange={() => setWhere('download')} />{' '}
            {t('exportDialog.download')}
          </label>
          <label>
            <input type="radio" name="where" checked={!download} onChange={() => setWhere('folder')} />{' '}
            {t('exportDialog.intoFolder')}
          </label>
        </fieldset>
      )}
      {!download && (
        <>
          <label>
            {t('exportDialog.folder')}{' '}
            <input
              value={out}
              onChange={(e) => setOut(e.target.value)}
              placeholder={t('exportDialog.folderDefault')}
            />
          </label>
          {api.pickFolder && (
            <button
              type="button"
              onClick={() => void api.pickFolder?.().then((folder) => folder && setOut(folder))}
            >
              {t('exportDialog.choose')}
            </button>
          )}
          <label>
            <input type="checkbox" checked={zip} onChange={(e) => setZip(e.target.checked)} />{' '}
            {t('exportDialog.zip')}
          </label>
        </>
      )}
      {iiif && (
        <label>
          {t('exportDialog.baseUrl')}{' '}
          <input
            type="url"
            value={baseUrl}
            required
            aria-invalid={baseUrlProblem}
            aria-describedby="export-base-url-hint"
            onChange={(e) => setBaseUrl(e.target.value)}
            placeholder="https://library.example/iiif/"
          />
          <small id="export-base-url-hint">{t('exportDialog.baseUrlHint')}</small>
        </label>
      )}
      {isPageFormat(format) && (
        <label>
          <input type="checkbox" checked={images} onChange={(e) => setImages(e.target.checked)} />{' '}
          {t('exportDialog.images')}
        </label>
      )}
      <div className="dialog-buttons">
        <button type="button" disabled={busy || baseUrlProblem} onClick={run}>
          {t('exportDialog.run')}
        </button>
        <button type="button" onClick={onClose}>
          {t('exportDialog.close')}
        </button>
      </div>
      {result && (
        <p className="notice" role="status">
          {result}
        </p>
      )}
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}

/** Hands the finished ZIP to the browser's own download (its Downloads folder, or its dialog). */
function fetchDownload(url: string, name: string): void {
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.click();
}
