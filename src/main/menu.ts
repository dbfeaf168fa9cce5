// The application menu: import scans through the system's file dialog (the core imports them by
// path, each file alone), and the usual edit, view and window roles. Everything else lives in
// the window itself, the same in Electron and in a browser.

import { BrowserWindow, Menu, dialog, type MenuItemConstructorOptions } from 'electron';
import type { Archive } from '../core/archive/archive.ts';
import { importScans } from '../core/import/importer.ts';
import type { ApiEvent } from '../shared/api/contract.ts';

export function installMenu(archive: Archive, emit: (event: ApiEvent) => void): void {
  const importScansFromDialog = async (window: BrowserWindow | undefined) => {
    const options: Electron.OpenDialogOptions = {
      title: 'Import scans',
      properties: ['openFile', 'openDirectory', 'multiSelections'],
      filters: [{ name: 'Scans', extensions: ['pdf', 'tif', 'tiff', 'jpg', 'jpeg', 'png', 'jp2'] }],
    };
    const picked = window
      ? await dialog.showOpenDialog(window, options)
      : await dialog.showOpenDialog(options);
    if (picked.canceled || picked.filePaths.length === 0) return;
    const summary = await importScans(archive, picked.filePaths);
    emit({ type: 'archive-changed' });
    const failed = summary.files.filter((f) => f.outcome === 'failed');
    await dialog.showMessageBox({
      type: failed.length ? 'warning' : 'info',
      message: `${summary.imported} files imported (${summary.pages} pages), ${summary.duplicates} already in the archive, ${summary.failed} failed.`,
      detail: failed.map((f) => `${f.path}: ${f.error?.message ?? ''}`).join('\n'),
    });
  };
  const template: MenuItemConstructorOptions[] = [
    {
      label: 'File',
      submenu: [
        {
          label: 'Import Scans…',
          accelerator: 'CmdOrCtrl+O',
          click: (_item, window) => void importScansFromDialog(window as BrowserWindow | undefined),
        },
        { type: 'separator' },
        { role: 'quit' },
      ],
    },
    { role: 'editMenu' },
    {
      label: 'View',
      submenu: [
        { role: 'resetZoom' },
        { role: 'zoomIn' },
        { role: 'zoomOut' },
        { type: 'separator' },
        { role: 'togglefullscreen' },
      ],
    },
    { role: 'windowMenu' },
  ];
  Menu.setApplicationMenu(Menu.buildFromTemplate(template));
}
