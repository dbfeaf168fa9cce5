// "Suggest regions and articles" for a page, an issue or a selection: the layout step runs on
// those pages and says what it suggested, and why a page could not be laid out. Each suggestion
// then waits in the page's Articles tab (and the Articles view) to be accepted or rejected.

import { Button, Callout } from '@blueprintjs/core';
import { ToolButton } from '../theme/ToolButton.tsx';
import { SuggestIcon } from '../theme/icons.ts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BackfileApi, SuggestionReport } from '../../shared/api/contract.ts';

interface Props {
  api: BackfileApi;
  pageIds: readonly number[];
  /** The button's words, when it is not for the pages selected or shown (say, "this issue"). */
  label?: string;
  /** How a page is named in the report (never its archive id). */
  pageName(pageId: number): string;
  onError(message: string): void;
}

export function SuggestLayout({ api, pageIds, label, pageName, onError }: Props) {
  const { t, i18n } = useTranslation();
  const [running, setRunning] = useState(false);
  const [report, setReport] = useState<SuggestionReport | null>(null);
  const run = () => {
    setRunning(true);
    setReport(null);
    api.call('suggestLayout', { pageIds: [...pageIds] }).then(
      (r) => {
        setRunning(false);
        setReport(r);
      },
      (e: Error) => {
        setRunning(false);
        onError(e.message);
      },
    );
  };
  const done = report?.pages.flatMap((p) => ('error' in p ? [] : [p])) ?? [];
  const failed = report?.pages.flatMap((p) => ('error' in p ? [p] : [])) ?? [];
  return (
    <>
      <ToolButton
        icon={<SuggestIcon />}
        loading={false}
        disabled={pageIds.length === 0 || running}
        onClick={run}
      >
        {running ? t('suggest.running', { count: pageIds.length }) : (label ?? t('suggest.button'))}
      </ToolButton>
      {report && (
        <Callout
          className="suggest-report"
          role="status"
          intent={failed.length > 0 ? 'warning' : 'success'}
          compact
        >
          <p>
            {t('suggest.done', {
              count: done.reduce((n, p) => n + p.articles, 0),
              pages: t('pages', { count: done.length }),
            })}
            {report.linked > 0 && ` ${t('suggest.linked', { count: report.linked })}`}
          </p>
          {failed.map((p) => (
            <p key={p.pageId} className="error">
              {pageName(p.pageId)}:{' '}
              {i18n.exists(`suggestError.${p.error.code}`)
                ? t(`suggestError.${p.error.code}`)
                : t('suggestError.other')}
            </p>
          ))}
          <Button size="small" variant="minimal" onClick={() => setReport(null)}>
            {t('reread.dismiss')}
          </Button>
        </Callout>
      )}
    </>
  );
}
