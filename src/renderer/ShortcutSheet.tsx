// The keyboard-shortcut sheet: ? (outside a text field) or the ? button in the top bar opens it
// anywhere in the app; Esc or its Close button closes it.

import { Button, Tooltip } from '@blueprintjs/core';
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
    <div className="shortcut-sheet" role="dialog" aria-modal="true" aria-label={t('shortcuts.title')}>
      <header>
        <h2>{t('shortcuts.title')}</h2>
        <button type="button" onClick={onClose}>
          {t('shortcuts.close')}
        </button>
      </header>
      {(['editor', 'page', 'drawing'] as const).map((group) => (
        <section key={group}>
          <h3>{t(`shortcuts.group.${group}`)}</h3>
          <table>
            <tbody>
              {SHORTCUTS.filter((s) => s.group === group).map((s) => (
                <tr key={s.action}>
                  <td>
                    <kbd>{s.keys}</kbd>
                  </td>
                  <td>{t(`shortcuts.action.${s.action}`)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      ))}
    </div>
  );
}
