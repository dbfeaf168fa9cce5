// The page view: the page image on one side, its text on the other. The line being edited is
// highlighted on the image, a click on a line's box puts the cursor on it, regions are drawn and
// given roles on the image, and the articles of the page are read beside it.

import { changeLabelText } from './change-label.ts';
import { useCallback, useEffect, useMemo, useState, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { BackfileApi } from '../../shared/api/contract.ts';
import type { Polygon } from '../../shared/geometry.ts';
import { PAGE_STATUSES, REGION_ROLES, type RegionRole } from '../../shared/model.ts';
import { routeHash } from '../routing.ts';
import { ArticlePanel } from './ArticlePanel.tsx';
import { ExportDialog } from '../export/ExportDialog.tsx';
import { HistoryPanel } from './HistoryPanel.tsx';
import { LineEditor } from './LineEditor.tsx';
import { PageImage } from './PageImage.tsx';
import { PageOverlay } from './PageOverlay.tsx';
import { RegionPanel } from './RegionPanel.tsx';
import { PageStrip } from './PageStrip.tsx';
import { pageLabel } from '../page-label.ts';
import { SuggestLayout } from '../articles/SuggestLayout.tsx';
import { StatusControl } from './StatusControl.tsx';
import { hitBoxes } from './search-highlight.ts';
import { lineAt, regionAt } from './hit-test.ts';
import { useCorrections } from './useCorrections.ts';
import { TOOLS, useDrawing, type Tool } from './useDrawing.ts';
import { ButtonGroup, Checkbox, HTMLSelect, Tab, Tabs } from '@blueprintjs/core';
import { ToolButton } from '../theme/ToolButton.tsx';
import {
  AdjustIcon,
  ArrowLeftIcon,
  ChevronLeftIcon,
  ChevronRightIcon,
  ExportIcon,
  MoveIcon,
  PolygonIcon,
  RectangleIcon,
  RedoIcon,
  SplitIcon,
  UndoIcon,
} from '../theme/icons.ts';

const TOOL_ICONS: Record<Tool, ReactElement> = {
  pan: <MoveIcon />,
  rectangle: <RectangleIcon />,
  polygon: <PolygonIcon />,
  edit: <AdjustIcon />,
  split: <SplitIcon />,
};
import { usePageData } from './usePageData.ts';
import { useSplit } from './useSplit.ts';

type SideTab = 'text' | 'regions' | 'articles' | 'history';

interface Props {
  api: BackfileApi;
  archiveId: string;
  pageId: number;
  lineId: number | null;
  query: string | null;
  onBack(): void;
}

const isTyping = (e: KeyboardEvent) =>
  e.target instanceof HTMLInputElement ||
  e.target instanceof HTMLTextAreaElement ||
  e.target instanceof HTMLSelectElement;

/** Another page of the issue, by the URL, so Back returns here. */
const openPage = (pageId: number) =>
  (window.location.hash = routeHash({ view: 'page', pageId, lineId: null, query: null }));

const isLineEditor = (e: KeyboardEvent) =>
  e.target instanceof HTMLInputElement && e.target.dataset['lineId'] !== undefined;

export function PageView({ api, archiveId, pageId, lineId, query, onBack }: Props) {
  const { t } = useTranslation();
  const { data, error, setError } = usePageData(api, pageId);
  const onError = useCallback((m: string) => setError(m), [setError]);
  const corrections = useCorrections(api, archiveId, pageId, data?.lines, onError);
  // The line being edited, by id (a search hit's line to begin with), so it survives reloads.
  const [activeLineId, setActiveLineId] = useState<number | null>(lineId);
  const [hoverLineId, setHoverLineId] = useState<number | null>(null);
  const [hoverRegionId, setHoverRegionId] = useState<number | null>(null);
  const [showOriginal, setShowOriginal] = useState(false);
  const [showWords, setShowWords] = useState(true);
  const [tab, setTab] = useState<SideTab>('text');
  const [selected, setSelected] = useState<Set<number>>(new Set());
  const [newRole, setNewRole] = useState<RegionRole>('body');
  const [notice, setNotice] = useState<string | null>(null);
  const [exporting, setExporting] = useState(false);
  const split = useSplit();

  const lines = useMemo(() => data?.lines ?? [], [data]);
  const activeIndex = lines.findIndex((l) => l.id === activeLineId);
  const setActiveIndex = useCallback((index: number) => setActiveLineId(lines[index]?.id ?? null), [lines]);

  const actions = useMemo(() => {
    const points = (polygon: Polygon) => polygon.map(([x, y]) => [x, y] as [number, number]);
    const fail = (e: Error) => onError(e.message);
    return {
      onShape: (polygon: Polygon) =>
        void api
          .call('createRegion', { pageId, role: newRole, polygon: points(polygon) })
          .then(({ regionId }) => setSelected(new Set([regionId])), fail),
      onReshape: (regionId: number, polygon: Polygon) =>
        void api.call('updateRegion', { regionId, polygon: points(polygon) }).catch(fail),
      onSplit: (regionId: number, y: number) =>
        void api
          .call('splitRegion', { regionId, y })
          .then(({ regionIds }) => setSelected(new Set(regionIds)), fail),
    };
  }, [api, pageId, newRole, onError]);
  // Corner handles: one percent of the page's width, so they are as easy to hit on any page.
  const drawing = useDrawing(data?.regions ?? [], Math.max(8, (data?.page.width ?? 0) / 100), actions);

  const undo = useCallback(async () => {
    await corrections.flush();
    const { label } = await api.call('undoLast', { pageId });
    setNotice(label ? t('undo.undone', { label: changeLabelText(t, label) }) : t('undo.nothing'));
  }, [api, corrections, pageId, t]);
  const redo = useCallback(async () => {
    await corrections.flush();
    const { label } = await api.call('redo', { pageId });
    setNotice(label ? t('undo.redone', { label: changeLabelText(t, label) }) : t('undo.nothingToRedo'));
  }, [api, corrections, pageId, t]);

  // Page-level keys, when no text field has the focus. Undo and redo also work in a line of the
  // editor: the line's typing is saved first, so Ctrl+Z there undoes it as one step (a browser's
  // own undo of a controlled input is lost on every re-render).
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const mod = e.ctrlKey || e.metaKey;
      const undoable = !isTyping(e) || isLineEditor(e);
      if (mod && e.key.toLowerCase() === 'z' && undoable) {
        e.preventDefault();
        void (e.shiftKey ? redo() : undo()).catch((err: Error) => onError(err.message));
        return;
      }
      if (mod && e.key.toLowerCase() === 'y' && undoable) {
        e.preventDefault();
        void redo().catch((err: Error) => onError(err.message));
        return;
      }
      if (isTyping(e) || mod || e.altKey) return;
      const step =
        e.key === 'PageUp' ? data?.page.previousPageId : e.key === 'PageDown' ? data?.page.nextPageId : null;
      if (step) {
        e.preventDefault();
        void corrections.flush().then(() => openPage(step));
        return;
      }
      if (e.key === 'v') drawing.setTool('pan');
      else if (e.key === 'r') drawing.setTool('rectangle');
      else if (e.key === 'p') drawing.setTool('polygon');
      else if (e.key === 'e') drawing.setTool('edit');
      else if (e.key === 's') drawing.setTool('split');
      else if (e.key === 'Enter') drawing.closePolygon();
      else if (e.key === 'Escape') drawing.cancel();
      else if (e.key === 'Backspace') drawing.back();
      else if (e.key === 'Delete')
        for (const regionId of selected)
          void api.call('deleteRegion', { regionId }).catch((err: Error) => onError(err.message));
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [api, drawing, selected, undo, redo, onError, data, corrections]);

  const hits = useMemo(() => hitBoxes(lines, query), [lines, query]);
  const columns = {
    gridTemplateColumns: `minmax(0, ${split.share}fr) 6px minmax(320px, ${1 - split.share}fr)`,
  };
  if (!data)
    return (
      <section className="page-view">
        {error ? <p className="error">{error}</p> : <p>{t('loading')}</p>}
        {/* The image starts loading with the text, and keeps its viewer (the key) when the text comes. */}
        {!error && (
          <div key="workspace" className="side-by-side" style={columns}>
            <PageImage
              tilesUrl={api.pageImageUrl(pageId, 'tiles')}
              drawing={false}
              onPointer={() => undefined}
              onClickAt={() => undefined}
              onHoverAt={() => undefined}
              focusBox={null}
            >
              {null}
            </PageImage>
          </div>
        )}
      </section>
    );
  const active = lines[activeIndex] ?? null;
  const select = (regionId: number, additive: boolean) =>
    setSelected((current) => {
      const next = new Set(additive ? current : []);
      if (additive && current.has(regionId)) next.delete(regionId);
      else next.add(regionId);
      return next;
    });
  const { page } = data;

  return (
    <section className="page-view">
      <header className="toolbar page-toolbar">
        <ToolButton icon={<ArrowLeftIcon />} variant="minimal" onClick={onBack}>
          {t('library')}
        </ToolButton>
        <ButtonGroup className="page-steps" role="group" aria-label={t('pageSteps.title')}>
          <ToolButton
            icon={<ChevronLeftIcon />}
            disabled={page.previousPageId === null}
            onClick={() =>
              page.previousPageId !== null &&
              void corrections.flush().then(() => openPage(page.previousPageId!))
            }
            hint={t('pageSteps.previousKey')}
          >
            {t('pageSteps.previous')}
          </ToolButton>
          <ToolButton
            endIcon={<ChevronRightIcon />}
            disabled={page.nextPageId === null}
            onClick={() =>
              page.nextPageId !== null && void corrections.flush().then(() => openPage(page.nextPageId!))
            }
            hint={t('pageSteps.nextKey')}
          >
            {t('pageSteps.next')}
          </ToolButton>
        </ButtonGroup>
        <h1>{pageLabel(page, t)}</h1>
        <span className="reading" title={t('reading.title')}>
          {page.language === 'auto' ? t('reading.auto') : page.language}
          {page.readWith ? ` → ${page.readWith}` : ''}
        </span>
        <StatusControl
          label={t('review.status')}
          statuses={PAGE_STATUSES}
          status={page.status}
          reason={null}
          onMove={(status, reason) =>
            api
              .call('setPageStatus', { pageId, status: status as (typeof PAGE_STATUSES)[number], reason })
              .then(
                () => undefined,
                (e: Error) => onError(e.message),
              )
          }
        />
        <ButtonGroup className="tools" role="group" aria-label={t('tools.title')}>
          {TOOLS.map((tool) => (
            <ToolButton
              key={tool}
              icon={TOOL_ICONS[tool]}
              intent={drawing.tool === tool ? 'primary' : 'none'}
              aria-pressed={drawing.tool === tool}
              onClick={() => drawing.setTool(tool)}
              hint={t(`tools.${tool}Key`)}
            >
              {t(`tools.${tool}`)}
            </ToolButton>
          ))}
          <HTMLSelect
            aria-label={t('tools.newRole')}
            value={newRole}
            onChange={(e) => setNewRole(e.target.value as RegionRole)}
          >
            {REGION_ROLES.map((role) => (
              <option key={role} value={role}>
                {t(`role.${role}`)}
              </option>
            ))}
          </HTMLSelect>
        </ButtonGroup>
        <ButtonGroup>
          <ToolButton
            icon={<UndoIcon />}
            hint={t('undo.undoKey')}
            onClick={() => void undo().catch((e: Error) => onError(e.message))}
          >
            {t('undo.undo')}
          </ToolButton>
          <ToolButton
            icon={<RedoIcon />}
            hint={t('undo.redoKey')}
            onClick={() => void redo().catch((e: Error) => onError(e.message))}
          >
            {t('undo.redo')}
          </ToolButton>
        </ButtonGroup>
        <ToolButton icon={<ExportIcon />} onClick={() => setExporting(true)}>
          {t('exportDialog.open')}
        </ToolButton>
        <SuggestLayout api={api} pageIds={[pageId]} pageName={() => pageLabel(page, t)} onError={onError} />
        <Checkbox
          className="toolbar-check"
          checked={showWords}
          onChange={(e) => setShowWords(e.currentTarget.checked)}
          label={t('editor.lowWords')}
        />
      </header>
      <PageStrip
        api={api}
        issueId={page.issueId}
        pageId={pageId}
        onOpen={(id) => void corrections.flush().then(() => openPage(id))}
        onError={onError}
      />
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      {notice && <p className="notice">{notice}</p>}
      {exporting && (
        <ExportDialog
          api={api}
          scopes={[
            { label: t('exportDialog.thisPage'), request: { pageIds: [pageId] } },
            { label: t('exportDialog.thisIssue'), request: { issueIds: [page.issueId] } },
            { label: t('exportDialog.everything'), request: {} },
          ]}
          onClose={() => setExporting(false)}
        />
      )}
      {corrections.restored > 0 && (
        <p className="notice">{t('editor.restored', { count: corrections.restored })}</p>
      )}
      <div key="workspace" className="side-by-side" style={columns}>
        <PageImage
          tilesUrl={api.pageImageUrl(pageId, 'tiles')}
          drawing={drawing.tool !== 'pan'}
          onPointer={drawing.pointer}
          onClickAt={(at, additive) => {
            const line = lineAt(lines, at);
            if (line) {
              setTab('text');
              setActiveLineId(line.id);
              return;
            }
            const region = regionAt(data.regions, at);
            if (region) select(region.id, additive);
            else if (!additive) setSelected(new Set());
          }}
          onHoverAt={(at) => setHoverLineId(at ? (lineAt(lines, at)?.id ?? null) : null)}
          focusBox={active?.box ?? null}
          zoomBox={query && lineId !== null ? (lines.find((l) => l.id === lineId)?.box ?? null) : null}
        >
          <PageOverlay
            lines={lines}
            regions={data.regions}
            selectedRegions={selected}
            activeLineId={active?.id ?? null}
            hoverLineId={hoverLineId}
            hoverRegionId={hoverRegionId}
            hits={hits}
            drawingShape={drawing.inProgress}
            showWords={showWords}
          />
        </PageImage>
        <div
          className="split-divider"
          role="separator"
          aria-orientation="vertical"
          aria-label={t('split.label')}
          aria-valuenow={Math.round(split.share * 100)}
          tabIndex={0}
          onPointerDown={split.onPointerDown}
          onKeyDown={split.onKeyDown}
        />
        <div className="side-panel">
          {/* Not animated: the sliding indicator measures the tab list's layout as the page opens,
              forcing a layout while the page image is starting. */}
          <Tabs
            id="side-panel"
            className="tabs"
            animate={false}
            selectedTabId={tab}
            onChange={(name) => setTab(name as SideTab)}
          >
            {(['text', 'regions', 'articles', 'history'] as const).map((name) => (
              <Tab key={name} id={name} title={t(`tabs.${name}`)} />
            ))}
          </Tabs>
          {tab === 'text' && (
            <>
              <p className="keys">{t('editor.keys')}</p>
              <LineEditor
                lines={lines}
                drafts={corrections.drafts}
                activeIndex={activeIndex}
                showOriginal={showOriginal}
                onActivate={setActiveIndex}
                onHover={setHoverLineId}
                onType={corrections.type}
                onLeave={(id) => void corrections.save(id)}
                onToggleOriginal={() => setShowOriginal((s) => !s)}
              />
            </>
          )}
          {tab === 'regions' && (
            <RegionPanel
              api={api}
              pageId={pageId}
              issueId={page.issueId}
              regions={data.regions}
              articles={data.articles}
              selected={selected}
              lines={lines}
              onSelect={select}
              onHover={setHoverRegionId}
              onError={onError}
            />
          )}
          {tab === 'articles' && <ArticlePanel api={api} articles={data.articles} onError={onError} />}
          {tab === 'history' && (
            <HistoryPanel
              api={api}
              lineId={active?.id ?? null}
              version={active?.text ?? ''}
              onError={onError}
            />
          )}
        </div>
      </div>
    </section>
  );
}
