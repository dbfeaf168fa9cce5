// The keyboard-shortcut sheet: ? (outside a text field) or the ? button in the top bar opens it
// anywhere in the app; Esc or its Close button closes it. A modal dialog: the focus stays in it.

import { Button, Classes, DialogBody, DialogFooter, HTMLTable, Tooltip } from '@blueprintjs/core';
import { AppDialog } from './theme/AppDialog.tsx';
import { useEffect, useState } from 'react';
import { ShortcutsIcon } from './theme/icons.ts';
import { useTranslation } from 'react-i18next';
import { SHORTCUTS } from './shortcuts.ts';

const typing = (target: EventTarget | null) =>
  target instanceof HTMLInputElement ||
  target instanceof HTMLTextAreaElement ||
  target instanceof HTMLSelectElement;

export function ShortcutSheet() {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key === '?' && !typing(e.target)) {
        e.preventDefault();
        setOpen((o) => !o);
      } else if (e.key === 'Escape') setOpen(false);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
  return (
    <>
      <Tooltip content={t('shortcuts.open')} placement="bottom-end">
        <Button
          variant="minimal"
          icon={<ShortcutsIcon />}
          aria-label={t('shortcuts.open')}
          onClick={() => setOpen((o) => !o)}
        />
      </Tooltip>
      {open && <Sheet onClose={() => setOpen(false)} />}
    </>
  );
}

function Sheet({ onClose }: { onClose(): void }) {
  const { t } = useTranslation();
  return (
    <AppDialog
      onClose={onClose}
      title={t('shortcuts.title')}
      icon={<ShortcutsIcon />}
      className="shortcut-sheet"
    >
      <DialogBody>
        {(['editor', 'page', 'drawing'] as const).map((group) => (
          <section key={group}>
            <h3>{t(`shortcuts.group.${group}`)}</h3>
            <HTMLTable compact striped>
              <tbody>
                {SHORTCUTS.filter((s) => s.group === group).map((s) => (
                  <tr key={s.action}>
                    <td>
                      <kbd className={Classes.CODE}>{s.keys}</kbd>
                    </td>
                    <td>{t(`shortcuts.action.${s.action}`)}</td>
                  </tr>
                ))}
              </tbody>
            </HTMLTable>
          </section>
        ))}
      </DialogBody>
      <DialogFooter
        actions={
          <Button intent="primary" onClick={onClose}>
            {t('shortcuts.close')}
          </Button>
        }
      />
    </AppDialog>
  );
}
