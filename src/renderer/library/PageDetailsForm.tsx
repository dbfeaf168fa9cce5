// The details of the selected pages after import: newspaper title, issue date, edition and, for
// one page, its printed page number. A field left empty stays as it is on each page; the edit is
// one recorded change (undo in the page view or the history takes it back).

import { Button, DialogBody, DialogFooter, FormGroup, InputGroup } from '@blueprintjs/core';
import { useState, type FormEvent } from 'react';
import { AppDialog } from '../theme/AppDialog.tsx';
import { DetailsIcon } from '../theme/icons.ts';
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
  const heading = t('details.heading', { count: pages.length });
  return (
    <AppDialog onClose={onDone} title={heading} icon={<DetailsIcon />}>
      <form className="page-details" onSubmit={save} aria-label={heading}>
        <DialogBody>
          <FormGroup label={t('details.paper')} labelFor="details-paper">
            <InputGroup
              id="details-paper"
              value={title}
              placeholder={unchanged}
              onChange={(e) => setTitle(e.target.value)}
            />
          </FormGroup>
          <FormGroup label={t('details.date')} labelFor="details-date">
            <InputGroup
              id="details-date"
              type="date"
              value={date}
              onChange={(e) => setDate(e.target.value)}
            />
          </FormGroup>
          <FormGroup label={t('details.edition')} labelFor="details-edition">
            <InputGroup
              id="details-edition"
              value={edition}
              placeholder={t('details.unchanged')}
              onChange={(e) => setEdition(e.target.value)}
            />
          </FormGroup>
          {one && (
            <FormGroup label={t('details.number')} labelFor="details-number">
              <InputGroup
                id="details-number"
                value={printedNumber}
                onChange={(e) => setPrintedNumber(e.target.value)}
              />
            </FormGroup>
          )}
        </DialogBody>
        <DialogFooter
          actions={
            <>
              <Button onClick={onDone}>{t('details.cancel')}</Button>
              <Button type="submit" intent="primary" loading={busy}>
                {t('details.save')}
              </Button>
            </>
          }
        />
      </form>
    </AppDialog>
  );
}
