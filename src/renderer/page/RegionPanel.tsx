// The page's regions in reading order: select, set the role, move up or down, delete; make an
// article from the selected regions or continue an article with them.

import { useTranslation } from 'react-i18next';
import type { ArticleView, BackfileApi, RegionView } from '../../shared/api/contract.ts';
import { REGION_ROLES, type RegionRole } from '../../shared/model.ts';

interface Props {
  api: BackfileApi;
  pageId: number;
  regions: RegionView[];
  articles: ArticleView[];
  selected: ReadonlySet<number>;
  onSelect(regionId: number, additive: boolean): void;
  onError(message: string): void;
}

export function RegionPanel({ api, pageId, regions, articles, selected, onSelect, onError }: Props) {
  const { t } = useTranslation();
  const run = (p: Promise<unknown>) => p.catch((e: Error) => onError(e.message));
  const ordered = [...regions].sort((a, b) => a.readingOrder - b.readingOrder);
  const move = (index: number, step: -1 | 1) => {
    const ids = ordered.map((r) => r.id);
    const j = index + step;
    if (j < 0 || j >= ids.length) return;
    [ids[index], ids[j]] = [ids[j]!, ids[index]!];
    void run(api.call('reorderRegions', { pageId, regionIds: ids }));
  };
  const chosen = ordered.filter((r) => selected.has(r.id)).map((r) => r.id);
  return (
    <section className="region-panel" aria-label={t('regions.title')}>
      <header>
        <h2>{t('regions.title')}</h2>
        <button
          type="button"
          disabled={chosen.length === 0}
          onClick={() => void run(api.call('createArticle', { regionIds: chosen }))}
        >
          {t('regions.makeArticle')}
        </button>
        {articles.length > 0 && (
          <select
            aria-label={t('regions.addTo')}
            disabled={chosen.length === 0}
            value=""
            onChange={(e) => {
              const article = articles.find((a) => a.id === Number(e.target.value));
              if (article)
                void run(
                  api.call('updateArticle', {
                    articleId: article.id,
                    regionIds: [
                      ...article.regionIds,
                      ...chosen.filter((id) => !article.regionIds.includes(id)),
                    ],
                  }),
                );
            }}
          >
            <option value="">{t('regions.addTo')}</option>
            {articles.map((a) => (
              <option key={a.id} value={a.id}>
                {a.headline ?? t('articles.untitled', { id: a.id })}
              </option>
            ))}
          </select>
        )}
      </header>
      {ordered.length === 0 && <p className="empty">{t('regions.none')}</p>}
      <ol>
        {ordered.map((r, index) => (
          <li key={r.id} className={selected.has(r.id) ? 'selected' : ''}>
            <input
              type="checkbox"
              checked={selected.has(r.id)}
              aria-label={t('regions.select', { n: index + 1 })}
              onChange={() => onSelect(r.id, true)}
            />
            <span className="reading-number">{index + 1}</span>
            <select
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
            </select>
            {r.articleId !== null && (
              <span className="in-article">{t('regions.inArticle', { id: r.articleId })}</span>
            )}
            <button type="button" aria-label={t('regions.up')} onClick={() => move(index, -1)}>
              ↑
            </button>
            <button type="button" aria-label={t('regions.down')} onClick={() => move(index, 1)}>
              ↓
            </button>
            <button
              type="button"
              aria-label={t('regions.delete')}
              onClick={() => void run(api.call('deleteRegion', { regionId: r.id }))}
            >
              ✕
            </button>
          </li>
        ))}
      </ol>
    </section>
  );
}
