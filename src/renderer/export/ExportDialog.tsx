// The export dialog: a format, a scope (given by the view that opens it), and where to write:
// in a browser, by default one ZIP the browser downloads; else a folder (a new one under
// "Backfile exports" unless the user names or, in Electron, picks one), or one ZIP file there.

import {
  Button,
  Callout,
  Checkbox,
  ControlGroup,
  DialogBody,
  DialogFooter,
  FormGroup,
  HTMLSelect,
  InputGroup,
  Radio,
  RadioGroup,
} from '@blueprintjs/core';
import { useState } from 'react';
import { AppDialog } from '../theme/AppDialog.tsx';
import { ExportIcon } from '../theme/icons.ts';
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
    <AppDialog
      onClose={onClose}
      title={t('exportDialog.title')}
      icon={<ExportIcon />}
      className="export-dialog"
    >
      <DialogBody>
        <FormGroup label={t('exportDialog.format')} labelFor="export-format">
          <HTMLSelect
            id="export-format"
            fill
            value={format}
            onChange={(e) => setFormat(e.target.value as ExportFormat)}
          >
            {EXPORT_FORMATS.map((f) => (
              <option key={f} value={f}>
                {t(`exportFormat.${f}`)}
              </option>
            ))}
          </HTMLSelect>
        </FormGroup>
        <RadioGroup
          label={t('exportDialog.scope')}
          name="scope"
          selectedValue={String(scope)}
          onChange={(e) => setScope(Number(e.currentTarget.value))}
        >
          {scopes.map((s, i) => (
            <Radio key={s.label} value={String(i)} label={s.label} />
          ))}
        </RadioGroup>
        {api.downloadUrl && (
          <RadioGroup
            label={t('exportDialog.where')}
            name="where"
            selectedValue={where}
            onChange={(e) => setWhere(e.currentTarget.value as typeof where)}
          >
            <Radio value="download" label={t('exportDialog.download')} />
            <Radio value="folder" label={t('exportDialog.intoFolder')} />
          </RadioGroup>
        )}
        {!download && (
          <>
            <FormGroup label={t('exportDialog.folder')} labelFor="export-folder">
              <ControlGroup fill>
                <InputGroup
                  id="export-folder"
                  value={out}
                  onChange={(e) => setOut(e.target.value)}
                  placeholder={t('exportDialog.folderDefault')}
                />
                {api.pickFolder && (
                  <Button onClick={() => void api.pickFolder?.().then((folder) => folder && setOut(folder))}>
                    {t('exportDialog.choose')}
                  </Button>
                )}
              </ControlGroup>
            </FormGroup>
            <Checkbox
              checked={zip}
              onChange={(e) => setZip(e.currentTarget.checked)}
              label={t('exportDialog.zip')}
            />
          </>
        )}
        {iiif && (
          <FormGroup
            label={t('exportDialog.baseUrl')}
            labelFor="export-base-url"
            helperText={<span id="export-base-url-hint">{t('exportDialog.baseUrlHint')}</span>}
            intent={baseUrlProblem ? 'danger' : 'none'}
          >
            <InputGroup
              id="export-base-url"
              type="url"
              value={baseUrl}
              required
              intent={baseUrlProblem ? 'danger' : 'none'}
              aria-invalid={baseUrlProblem}
              aria-describedby="export-base-url-hint"
              onChange={(e) => setBaseUrl(e.target.value)}
              placeholder="https://library.example/iiif/"
            />
          </FormGroup>
        )}
        {isPageFormat(format) && (
          <Checkbox
            checked={images}
            onChange={(e) => setImages(e.currentTarget.checked)}
            label={t('exportDialog.images')}
          />
        )}
        {result && (
          <Callout intent="success" role="status" compact>
            {result}
          </Callout>
        )}
        {error && (
          <Callout intent="danger" role="alert" compact>
            {error}
          </Callout>
        )}
      </DialogBody>
      <DialogFooter
        actions={
          <>
            <Button onClick={onClose}>{t('exportDialog.close')}</Button>
            <Button intent="primary" loading={busy} disabled={baseUrlProblem} onClick={run}>
              {t('exportDialog.run')}
            </Button>
          </>
        }
      />
    </AppDialog>
  );
}

/** Hands the finished ZIP to the browser's own download (its Downloads folder, or its dialog). */
function fetchDownload(url: string, name: string): void {
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.click();
}
