// The issue's pages as a strip of thumbnails above the page view: where this page stands in its
// issue, and a click away from any other (the line being typed is saved first, by onOpen).

import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BackfileApi, PageSummary } from '../../shared/api/contract.ts';

interface Props {
  api: BackfileApi;
  issueId: number;
  pageId: number;
  onOpen: (pageId: number) => void;
  onError: (message: string) => void;
}

export function PageStrip({ api, issueId, pageId, onOpen, onError }: Props) {
  const { t } = useTranslation();
  const [pages, setPages] = useState<PageSummary[]>([]);
  useEffect(() => {
    api.call('listPages', { issueId }).then(setPages, (e: Error) => onError(e.message));
  }, [api, issueId, onError]);
  if (pages.length < 2) return null;
  return (
    <nav className="page-strip" aria-label={t('pageSteps.strip')}>
      {pages.map((p) => {
        const label = t('page', { n: p.printedNumber ?? p.sequence });
        return (
          <button
            key={p.id}
            type="button"
            aria-current={p.id === pageId ? 'page' : undefined}
            title={label}
            onClick={() => p.id !== pageId && onOpen(p.id)}
          >
            <img src={api.pageImageUrl(p.id, 'thumbnail')} alt="" loading="lazy" />
            <span>{label}</span>
          </button>
        );
      })}
    </nav>
  );
}
