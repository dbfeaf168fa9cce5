// The icons the app shows, each from its own module of @blueprintjs/icons, so the bundle carries
// these few paths instead of Blueprint's whole set (about 200 kB gzipped, loaded on first use).

export { BookIcon as LibraryIcon } from '@blueprintjs/icons/lib/esm/generated/components/book';
export { DocumentIcon as ArticlesIcon } from '@blueprintjs/icons/lib/esm/generated/components/document';
export { SearchIcon } from '@blueprintjs/icons/lib/esm/generated/components/search';
export { ChevronLeftIcon } from '@blueprintjs/icons/lib/esm/generated/components/chevron-left';
export { ChevronRightIcon } from '@blueprintjs/icons/lib/esm/generated/components/chevron-right';
export { ArrowLeftIcon } from '@blueprintjs/icons/lib/esm/generated/components/arrow-left';
export { UndoIcon } from '@blueprintjs/icons/lib/esm/generated/components/undo';
export { RedoIcon } from '@blueprintjs/icons/lib/esm/generated/components/redo';
export { ExportIcon } from '@blueprintjs/icons/lib/esm/generated/components/export';
export { LayoutAutoIcon as SuggestIcon } from '@blueprintjs/icons/lib/esm/generated/components/layout-auto';
export { HandIcon as MoveIcon } from '@blueprintjs/icons/lib/esm/generated/components/hand';
export { SquareIcon as RectangleIcon } from '@blueprintjs/icons/lib/esm/generated/components/square';
export { PolygonFilterIcon as PolygonIcon } from '@blueprintjs/icons/lib/esm/generated/components/polygon-filter';
export { EditIcon as AdjustIcon } from '@blueprintjs/icons/lib/esm/generated/components/edit';
export { SplitColumnsIcon as SplitIcon } from '@blueprintjs/icons/lib/esm/generated/components/split-columns';
export { MoonIcon } from '@blueprintjs/icons/lib/esm/generated/components/moon';
export { FlashIcon as SunIcon } from '@blueprintjs/icons/lib/esm/generated/components/flash';
export { DesktopIcon } from '@blueprintjs/icons/lib/esm/generated/components/desktop';
export { KeyCommandIcon as ShortcutsIcon } from '@blueprintjs/icons/lib/esm/generated/components/key-command';
export { SelectIcon as SelectAllIcon } from '@blueprintjs/icons/lib/esm/generated/components/select';
export { CrossIcon as ClearIcon } from '@blueprintjs/icons/lib/esm/generated/components/cross';
export { PlayIcon as ReadIcon } from '@blueprintjs/icons/lib/esm/generated/components/play';
export { PropertiesIcon as DetailsIcon } from '@blueprintjs/icons/lib/esm/generated/components/properties';
export { TranslateIcon as ReadingIcon } from '@blueprintjs/icons/lib/esm/generated/components/translate';
export { PauseIcon } from '@blueprintjs/icons/lib/esm/generated/components/pause';
export { ArrowUpIcon } from '@blueprintjs/icons/lib/esm/generated/components/arrow-up';
export { ArrowDownIcon } from '@blueprintjs/icons/lib/esm/generated/components/arrow-down';
export { TrashIcon as DeleteIcon } from '@blueprintjs/icons/lib/esm/generated/components/trash';
export { HistoryIcon } from '@blueprintjs/icons/lib/esm/generated/components/history';
export { TickIcon as AcceptIcon } from '@blueprintjs/icons/lib/esm/generated/components/tick';
export { DisableIcon as RejectIcon } from '@blueprintjs/icons/lib/esm/generated/components/disable';
export { NewObjectIcon as NewArticleIcon } from '@blueprintjs/icons/lib/esm/generated/components/new-object';
export { MergeColumnsIcon as MergeIcon } from '@blueprintjs/icons/lib/esm/generated/components/merge-columns';
