// Search across the collection: words and "phrases" (Chinese from one character up), with title
// and date filters, traditional and simplified forms as one unless switched off. Hits are grouped
// by page, under the page's thumbnail, newspaper, date and number; each shows its line with the
// hits marked and opens the page zoomed to that line, the matching words highlighted on the image.

import { Button, Callout, Checkbox, HTMLSelect, InputGroup } from '@blueprintjs/core';
import { useEffect, useState, type FormEvent } from 'react';
import { SearchIcon } from '../theme/icons.ts';
import { useTranslation } from 'react-i18next';
import type { BackfileApi } from '../../shared/api/contract.ts';
import type { SearchHit } from '../../shared/search.ts';
import { routeHash } from '../routing.ts';
import { pageLabel } from '../page-label.ts';
import { PAGE_STATUSES, REGION_ROLES, type PageStatus, type RegionRole } from '../../shared/model.ts';
import { ReplacePanel } from './ReplacePanel.tsx';

function Marked({ text }: { text: string }) {
  // The core marks hits with [ and ]; brackets in the text itself come through as they are.
  const parts = text.split(/(\[[^\]]*\])/);
  return (
    <span lang="zh-Hans">
      {parts.map((p, i) =>
        p.startsWith('[') && p.endsWith(']') ? <mark key={i}>{p.slice(1, -1)}</mark> : p,
      )}
    </span>
  );
}

/** Hits grouped by page, the pages in the order their first hit came (the core's order). */
function byPage(hits: readonly SearchHit[]): SearchHit[][] {
  const groups = new Map<number, SearchHit[]>();
  for (const h of hits) {
    const group = groups.get(h.pageId);
    if (group) group.push(h);
    else groups.set(h.pageId, [h]);
  }
  return [...groups.values()];
}

export function SearchView({ api, query }: { api: BackfileApi; query: string }) {
  const { t } = useTranslation();
  const [input, setInput] = useState(query);
  const [title, setTitle] = useState('');
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [status, setStatus] = useState<PageStatus | ''>('');
  const [role, setRole] = useState<RegionRole | ''>('');
  const [variants, setVariants] = useState(true);
  const [hits, setHits] = useState<SearchHit[] | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    if (!query.trim()) return;
    api
      .call('search', {
        query,
        limit: 100,
        ...(title ? { title } : {}),
        ...(from ? { from } : {}),
        ...(to ? { to } : {}),
        ...(status ? { status } : {}),
        ...(role ? { role } : {}),
        ...(variants ? {} : { variants: false }),
      })
      .then(
        (h) => {
          setHits(h);
          setError(null);
        },
        (e: Error) => setError(e.message),
      );
  }, [api, query, title, from, to, status, role, variants]);

  // The view is keyed by its query (App), so the input starts from it and old hits never show.
  const shown = query.trim() ? hits : null;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    window.location.hash = routeHash({ view: 'search', query: input });
  };

  return (
    <section className="search-view">
      <form className="toolbar" onSubmit={submit} role="search">
        <InputGroup
          className="search-box"
          type="search"
          leftIcon={<SearchIcon />}
          value={input}
          onChange={(e) => setInput(e.target.value)}
          placeholder={t('search.placeholder')}
          aria-label={t('search.label')}
        />
        <InputGroup
          value={title}
          onChange={(e) => setTitle(e.target.value)}
          placeholder={t('search.title')}
          aria-label={t('search.title')}
        />
        <InputGroup
          type="date"
          value={from}
          onChange={(e) => setFrom(e.target.value)}
          aria-label={t('search.from')}
        />
        <InputGroup
          type="date"
          value={to}
          onChange={(e) => setTo(e.target.value)}
          aria-label={t('search.to')}
        />
        <HTMLSelect
          value={status}
          onChange={(e) => setStatus(e.target.value as PageStatus | '')}
          aria-label={t('review.status')}
        >
          <option value="">{t('search.anyStatus')}</option>
          {PAGE_STATUSES.map((s) => (
            <option key={s} value={s}>
              {t(`status.${s}`)}
            </option>
          ))}
        </HTMLSelect>
        <HTMLSelect
          value={role}
          onChange={(e) => setRole(e.target.value as RegionRole | '')}
          aria-label={t('regions.role')}
        >
          <option value="">{t('search.anyRole')}</option>
          {REGION_ROLES.map((r) => (
            <option key={r} value={r}>
              {t(`role.${r}`)}
            </option>
          ))}
        </HTMLSelect>
        <Checkbox
          checked={variants}
          onChange={(e) => setVariants(e.currentTarget.checked)}
          label={t('search.variants')}
        />
        <Button type="submit" intent="primary" icon={<SearchIcon />}>
          {t('search.go')}
        </Button>
      </form>
      {error && (
        <Callout intent="danger" role="alert" compact>
          {error}
        </Callout>
      )}
      {shown && <p className="count">{t('search.hits', { count: shown.length })}</p>}
      <ol className="hit-pages">
        {byPage(shown ?? []).map((group) => {
          const first = group[0]!;
          return (
            <li key={first.pageId} className="hit-page">
              <a
                className="hit-page-head"
                href={routeHash({ view: 'page', pageId: first.pageId, lineId: first.lineId, query })}
              >
                <img src={api.pageImageUrl(first.pageId, 'thumbnail')} alt="" loading="lazy" />
                <h3>{pageLabel(first, t)}</h3>
                <span className="count">{t('search.hits', { count: group.length })}</span>
              </a>
              <ol className="hits">
                {group.map((h) => (
                  <li key={h.lineId}>
                    <a href={routeHash({ view: 'page', pageId: h.pageId, lineId: h.lineId, query })}>
                      <Marked text={h.marked} />
                    </a>
                  </li>
                ))}
              </ol>
            </li>
          );
        })}
      </ol>
      <ReplacePanel api={api} />
    </section>
  );
}
