// Every key the app answers to, as the shortcut sheet (?) lists them: the keys as printed on the
// keyboard, and the string key of what they do.

export const SHORTCUTS: { group: 'editor' | 'page' | 'drawing'; keys: string; action: string }[] = [
  { group: 'editor', keys: '↓  /  Enter', action: 'nextLine' },
  { group: 'editor', keys: '↑  /  Shift+Enter', action: 'previousLine' },
  { group: 'editor', keys: 'F2', action: 'nextUncertain' },
  { group: 'editor', keys: 'Esc', action: 'savedText' },
  { group: 'editor', keys: 'Alt+O', action: 'original' },
  { group: 'editor', keys: 'Ctrl+Z', action: 'undo' },
  { group: 'editor', keys: 'Ctrl+Shift+Z  /  Ctrl+Y', action: 'redo' },
  { group: 'page', keys: 'Page Up  /  Page Down', action: 'steps' },
  { group: 'page', keys: '+  /  −', action: 'zoom' },
  { group: 'page', keys: '0', action: 'wholePage' },
  { group: 'page', keys: '?', action: 'sheet' },
  { group: 'drawing', keys: 'V', action: 'pan' },
  { group: 'drawing', keys: 'R', action: 'rectangle' },
  { group: 'drawing', keys: 'P', action: 'polygon' },
  { group: 'drawing', keys: 'E', action: 'edit' },
  { group: 'drawing', keys: 'S', action: 'split' },
  { group: 'drawing', keys: 'Enter  /  Backspace  /  Esc', action: 'polygonKeys' },
  { group: 'drawing', keys: 'Delete', action: 'deleteRegions' },
];
