// Light or dark, or as the system is set: remembered on this machine, applied as Blueprint's
// dark class on <body>, which also switches Backfile's own tokens (tokens.css).

import { Classes } from '@blueprintjs/core';
import { useEffect, useState } from 'react';

export const THEMES = ['system', 'light', 'dark'] as const;
export type ThemeChoice = (typeof THEMES)[number];

const KEY = 'backfile.theme';

function stored(): ThemeChoice {
  const value = window.localStorage.getItem(KEY);
  return (THEMES as readonly string[]).includes(value ?? '') ? (value as ThemeChoice) : 'system';
}

export function useTheme(): [ThemeChoice, (choice: ThemeChoice) => void] {
  const [choice, setChoice] = useState<ThemeChoice>(stored);
  useEffect(() => {
    const query = window.matchMedia('(prefers-color-scheme: dark)');
    const apply = () =>
      document.body.classList.toggle(
        Classes.DARK,
        choice === 'dark' || (choice === 'system' && query.matches),
      );
    apply();
    query.addEventListener('change', apply);
    return () => query.removeEventListener('change', apply);
  }, [choice]);
  return [
    choice,
    (next) => {
      window.localStorage.setItem(KEY, next);
      setChoice(next);
    },
  ];
}
