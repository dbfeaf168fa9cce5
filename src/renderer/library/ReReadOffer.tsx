// Pages that already have text are not read again by "Read with OCR": this says so, offers to
// read them again, and before it does, says what that does to each page's human work (corrected
// lines are kept, articles take the new text, a reviewed page goes back a step, by the same rule
// the core follows; one undo takes it back), in the reader's language. Nothing is read again without that answer.

import { Button, Callout, DialogBody, DialogFooter } from '@blueprintjs/core';
import { useState } from 'react';
import { AppDialog } from '../theme/AppDialog.tsx';
import { ReadIcon } from '../theme/icons.ts';
import { useTranslation } from 'react-i18next';
import type { BackfileApi, PageSummary } from '../../shared/api/contract.ts';
import { pageStatusAfterReRead, type ReReadImpact } from '../../shared/re-read.ts';
import type { EngineChoice } from '../../shared/ocr.ts';
import { pageLabel } from '../page-label.ts';

interface Props {
  api: BackfileApi;
  /** The pages skipped because they had text. */
  pageIds: readonly number[];
  pages: readonly PageSummary[];
  /** The engine and language chosen for the reading, as for the first attempt. */
  request: { engine?: EngineChoice; languages?: string };
  onDone: () => void;
  onError: (message: string) => void;
}

export function ReReadOffer({ api, pageIds, pages, request, onDone, onError }: Props) {
  const { t } = useTranslation();
  const [impact, setImpact] = useState<ReReadImpact[] | null>(null);
  const byId = new Map(pages.map((p) => [p.id, p]));

  const ask = () =>
    api.call('reReadImpact', { pageIds: [...pageIds] }).then(setImpact, (e: Error) => onError(e.message));
  const readAgain = () =>
    api
      .call('queueOcr', {
        pageIds: [...pageIds],
        force: true,
        confirmed: true,
        ...(request.engine ? { engine: request.engine } : {}),
        ...(request.languages ? { languages: request.languages } : {}),
      })
      .then(onDone, (e: Error) => onError(e.message));

  if (impact === null)
    return (
      <Callout className="reread-offer" role="status" intent="primary" compact>
        {t('reread.skipped', { count: pageIds.length })}{' '}
        <Button size="small" intent="primary" onClick={() => void ask()}>
          {t('reread.offer')}
        </Button>{' '}
        <Button size="small" variant="minimal" onClick={onDone}>
          {t('reread.dismiss')}
        </Button>
      </Callout>
    );
  const heading = t('reread.heading', { count: pageIds.length });
  return (
    <AppDialog
      onClose={onDone}
      title={heading}
      icon={<ReadIcon />}
      role="alertdialog"
      className="reread-offer"
    >
      <DialogBody>
        {impact.length === 0 ? (
          <p>{t('reread.noWork')}</p>
        ) : (
          <ul>
            {impact.map((i) => {
              const page = byId.get(i.pageId);
              const back = pageStatusAfterReRead(i.status, i.correctedLines);
              const parts = [
                ...(i.correctedLines > 0 ? [t('reread.kept', { count: i.correctedLines })] : []),
                t('reread.others'),
                ...(i.articles > 0 ? [t('reread.articles', { count: i.articles })] : []),
                ...(back && i.status !== 'imported'
                  ? [t('reread.backTo', { from: t(`status.${i.status}`), to: t(`status.${back}`) })]
                  : []),
              ];
              return (
                <li key={i.pageId}>
                  <strong>{page ? pageLabel(page, t) : t('jobs.page', { id: i.pageId })}</strong>:{' '}
                  {parts.join(t('reread.separator'))}
                </li>
              );
            })}
          </ul>
        )}
        <p>{t('reread.undo')}</p>
      </DialogBody>
      <DialogFooter
        actions={
          <>
            <Button onClick={onDone}>{t('reread.cancel')}</Button>
            <Button intent="warning" onClick={() => void readAgain()}>
              {t('reread.confirm')}
            </Button>
          </>
        }
      />
    </AppDialog>
  );
}
