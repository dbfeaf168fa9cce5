// The details of the selected pages after import: newspaper title, issue date, edition and, for
// one page, its printed page number. A field left empty stays as it is on each page; the edit is
// one recorded change (undo in the page view or the history takes it back).

import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { BackfileApi, PageSummary } from '../../shared/api/contract.ts';

interface Props {
  api: BackfileApi;
  pages: readonly PageSummary[];
  onDone: () => void;
  onError: (message: string) => void;
}

export function PageDetailsForm({ api, pages, onDone, onError }: Props) {
  const { t } = useTranslation();
  const one = pages.length === 1 ? pages[0]! : null;
  // One page: its own values to edit; several: empty fields, which leave each page's value.
  const [title, setTitle] = useState(one?.title ?? '');
  const [date, setDate] = useState(one?.date ?? '');
  const [edition, setEdition] = useState('');
  const [printedNumber, setPrintedNumber] = useState(one?.printedNumber ?? '');
  const [busy, setBusy] = useState(false);

  const save = (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    api
      .call('editPages', {
        pageIds: pages.map((p) => p.id),
        ...(title.trim() ? { title: title.trim() } : {}),
        ...(date ? { date } : {}),
        ...(edition.trim() ? { edition: edition.trim() } : {}),
        ...(one && printedNumber.trim() ? { printedNumber: printedNumber.trim() } : {}),
      })
      .then(onDone, (e: Error) => onError(e.message))
      .finally(() => setBusy(false));
  };

  const unchanged = one ? undefined : t('details.unchanged');
  return (
    <form className="page-details" onSubmit={save} aria-label={t('details.heading', { count: pages.length })}>
      <h2>{t('details.heading', { count: pages.length })}</h2>
      <label>
        {t('details.paper')}{' '}
        <input value={title} placeholder={unchanged} onChange={(e) => setTitle(e.target.value)} />
      </label>
      <label>
        {t('details.date')} <input type="date" value={date} onChange={(e) => setDate(e.target.value)} />
      </label>
      <label>
        {t('details.edition')}{' '}
        <input
          value={edition}
          placeholder={t('details.unchanged')}
          onChange={(e) => setEdition(e.target.value)}
        />
      </label>
      {one && (
        <label>
          {t('details.number')}{' '}
          <input value={printedNumber} onChange={(e) => setPrintedNumber(e.target.value)} />
        </label>
      )}
      <button type="submit" disabled={busy}>
        {t('details.save')}
      </button>
      <button type="button" onClick={onDone}>
        {t('details.cancel')}
      </button>
    </form>
  );
}
