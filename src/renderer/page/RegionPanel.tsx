// The page's regions in reading order: select, set the role, drag (or ↑ ↓) to reorder, merge the
// selected, delete; make an article from the selected regions, or continue an article of this
// issue with them — on this page or another.

import { ButtonGroup, HTMLSelect } from '@blueprintjs/core';
import { ToolButton } from '../theme/ToolButton.tsx';
import { ArrowDownIcon, ArrowUpIcon, DeleteIcon, MergeIcon, NewArticleIcon } from '../theme/icons.ts';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiOutput, ArticleView, BackfileApi, RegionView } from '../../shared/api/contract.ts';
import { REGION_ROLES, type RegionRole } from '../../shared/model.ts';
import { moveItem } from './region-order.ts';

interface Props {
  api: BackfileApi;
  pageId: number;
  issueId: number;
  regions: RegionView[];
  articles: ArticleView[];
  selected: ReadonlySet<number>;
  /** The page's lines, for each region's first words. */
  lines: readonly { regionId: number | null; text: string }[];
  onSelect(regionId: number, additive: boolean): void;
  onHover(regionId: number | null): void;
  onError(message: string): void;
}

/** A region's first words, so the list says which region is which. */
const SNIPPET = 16;

export function RegionPanel({
  api,
  pageId,
  issueId,
  regions,
  articles,
  selected,
  lines,
  onSelect,
  onHover,
  onError,
}: Props) {
  const { t } = useTranslation();
  const [issueArticles, setIssueArticles] = useState<ApiOutput<'issueArticles'>>([]);
  const [dragged, setDragged] = useState<number | null>(null);
  useEffect(() => {
    api.call('issueArticles', { issueId }).then(setIssueArticles, (e: Error) => onError(e.message));
  }, [api, issueId, articles, onError]);
  const run = (p: Promise<unknown>) => p.catch((e: Error) => onError(e.message));
  const ordered = [...regions].sort((a, b) => a.readingOrder - b.readingOrder);
  const reorder = (from: number, to: number) => {
    if (to < 0 || to >= ordered.length || from === to) return;
    void run(
      api.call('reorderRegions', {
        pageId,
        regionIds: moveItem(
          ordered.map((r) => r.id),
          from,
          to,
        ),
      }),
    );
  };
  const chosen = ordered.filter((r) => selected.has(r.id)).map((r) => r.id);
  const snippetOf = (regionId: number) => {
    const text = lines
      .filter((l) => l.regionId === regionId)
      .map((l) => l.text)
      .join(' ');
    return text.length > SNIPPET ? `${text.slice(0, SNIPPET)}…` : text;
  };
  const continueWith = (articleId: number) =>
    void run(api.call('appendToArticle', { articleId, regionIds: chosen }));
  return (
    <section className="region-panel" aria-label={t('regions.title')}>
      <header>
        <h2>{t('regions.title')}</h2>
        <ToolButton
          icon={<NewArticleIcon />}
          disabled={chosen.length === 0}
          onClick={() => void run(api.call('createArticle', { regionIds: chosen }))}
        >
          {t('regions.makeArticle')}
        </ToolButton>
        <ToolButton
          icon={<MergeIcon />}
          disabled={chosen.length < 2}
          onClick={() => void run(api.call('mergeRegions', { regionIds: chosen }))}
        >
          {t('regions.merge')}
        </ToolButton>
        {issueArticles.length > 0 && (
          <HTMLSelect
            minimal
            aria-label={t('regions.addTo')}
            disabled={chosen.length === 0}
            value=""
            onChange={(e) => e.target.value && continueWith(Number(e.target.value))}
          >
            <option value="">{t('regions.addTo')}</option>
            {issueArticles.map((a) => (
              <option key={a.id} value={a.id}>
                {a.headline ?? t('articles.untitled', { id: a.id })} (
                {a.pages.map((p) => t('page', { n: p.printedNumber ?? p.sequence })).join(', ')})
              </option>
            ))}
          </HTMLSelect>
        )}
      </header>
      {ordered.length === 0 && <p className="empty">{t('regions.none')}</p>}
      <ol>
        {ordered.map((r, index) => (
          <li
            key={r.id}
            className={selected.has(r.id) ? 'selected' : ''}
            onMouseEnter={() => onHover(r.id)}
            onMouseLeave={() => onHover(null)}
            draggable
            onDragStart={() => setDragged(index)}
            onDragOver={(e) => e.preventDefault()}
            onDrop={(e) => {
              e.preventDefault();
              if (dragged !== null) reorder(dragged, index);
              setDragged(null);
            }}
          >
            <input
              type="checkbox"
              checked={selected.has(r.id)}
              aria-label={t('regions.select', { n: index + 1 })}
              onChange={() => onSelect(r.id, true)}
            />
            <span className="reading-number">{index + 1}</span>
            <HTMLSelect
              minimal
              value={r.role}
              aria-label={t('regions.role')}
              onChange={(e) =>
                void run(api.call('updateRegion', { regionId: r.id, role: e.target.value as RegionRole }))
              }
            >
              {REGION_ROLES.map((role) => (
                <option key={role} value={role}>
                  {t(`role.${role}`)}
                </option>
              ))}
            </HTMLSelect>
            <span className="snippet" lang="zh-Hans">
              {snippetOf(r.id)}
            </span>
            {r.articleId !== null && (
              <span className="in-article">
                {t('regions.inArticle', {
                  name:
                    articles.find((a) => a.id === r.articleId)?.headline ??
                    t('articles.untitled', { id: r.articleId }),
                })}
              </span>
            )}
            <ButtonGroup variant="minimal">
              <ToolButton
                icon={<ArrowUpIcon />}
                aria-label={t('regions.up')}
                hint={t('regions.up')}
                disabled={index === 0}
                onClick={() => reorder(index, index - 1)}
              />
              <ToolButton
                icon={<ArrowDownIcon />}
                aria-label={t('regions.down')}
                hint={t('regions.down')}
                disabled={index === ordered.length - 1}
                onClick={() => reorder(index, index + 1)}
              />
              <ToolButton
                icon={<DeleteIcon />}
                intent="danger"
                aria-label={t('regions.delete')}
                hint={t('regions.delete')}
                onClick={() => void run(api.call('deleteRegion', { regionId: r.id }))}
              />
            </ButtonGroup>
          </li>
        ))}
      </ol>
    </section>
  );
}
