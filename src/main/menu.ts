// The application menu: import scans through the system's file dialog (the core imports them by
// path, each file alone, through the same dispatch as every other call), and the usual edit,
// view and window roles. Everything else lives in the window itself, the same in Electron and in
// a browser.

import { BrowserWindow, Menu, dialog, type MenuItemConstructorOptions } from 'electron';
import type { CoreClient } from '../core/service/core-port.ts';
import type { ImportReport } from '../shared/api/contract.ts';
import { IMPORT_EXTENSIONS } from '../shared/import-files.ts';

export function installMenu(core: CoreClient): void {
  const importScansFromDialog = async (window: BrowserWindow | undefined) => {
    const options: Electron.OpenDialogOptions = {
      title: 'Import scans',
      properties: ['openFile', 'openDirectory', 'multiSelections'],
      filters: [{ name: 'Scans', extensions: [...IMPORT_EXTENSIONS] }],
    };
    const picked = window
      ? await dialog.showOpenDialog(window, options)
      : await dialog.showOpenDialog(options);
    if (picked.canceled || picked.filePaths.length === 0) return;
    const { reply } = await core.dispatch(
      'importFiles',
      { paths: picked.filePaths },
      { transport: 'ipc', refused: null },
    );
    if (!reply.ok) return void dialog.showErrorBox('Import failed', reply.error.message);
    const report = reply.value as ImportReport;
    await dialog.showMessageBox({
      type: report.failed ? 'warning' : 'info',
      message: `${report.imported} files imported (${report.pages} pages), ${report.duplicates} already in the archive, ${report.failed} failed.`,
      detail: report.failures.map((f) => `${f.name}: ${f.message}`).join('\n'),
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
