// How a title or an issue is read by OCR: its engine and language, shown beside its heading as
// its pages get them (its own choice, else its title's, the archive's or auto), and changed in a
// dialog. Saving remembers the choice for the pages that have none of their own; it reads
// nothing, so no page's text or corrections change until the reader asks for a reading.

import { Button, DialogBody, DialogFooter, FormGroup, HTMLSelect } from '@blueprintjs/core';
import { AppDialog } from '../theme/AppDialog.tsx';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import type { BackfileApi } from '../../shared/api/contract.ts';
import {
  ENGINE_LABELS,
  effectiveReading,
  isLanguageChoice,
  type EngineChoice,
  type LanguageChoice,
  type ReadingChoices,
} from '../../shared/ocr.ts';
import { ToolButton } from '../theme/ToolButton.tsx';
import { ReadingIcon } from '../theme/icons.ts';
import { EngineOptions, LanguageOptions } from './ReadingOptions.tsx';

export type ReadingScope =
  { titleId: number; name: string } | { titleId: number; issueId: number; name: string };

/** A language as the reader knows it; a list set on the command line, as it is. */
const languageName = (value: string, t: TFunction) =>
  isLanguageChoice(value) ? t(`ocrLanguage.${value}`) : value;
const engineName = (value: string, t: TFunction) =>
  value === 'auto'
    ? t('readingChoice.autoEngine')
    : (ENGINE_LABELS[value as keyof typeof ENGINE_LABELS] ?? value);

export function ReadingChoice({
  api,
  choices,
  scope,
  onChosen,
  onError,
}: {
  api: BackfileApi;
  choices: ReadingChoices;
  scope: ReadingScope;
  /** The archive's choices after a save, as the core answers them. */
  onChosen: (choices: ReadingChoices) => void;
  onError: (message: string) => void;
}) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const now = effectiveReading(choices, scope);
  const label = t('readingChoice.button', {
    language: languageName(now.language.value, t),
    engine: engineName(now.engine.value, t),
  });
  return (
    <>
      <ToolButton
        icon={<ReadingIcon />}
        variant="minimal"
        hint={t('readingChoice.hint')}
        aria-label={`${t('readingChoice.hint')}: ${label}`}
        onClick={() => setOpen(true)}
      >
        {label}
      </ToolButton>
      {open && (
        <ReadingDialog
          api={api}
          choices={choices}
          scope={scope}
          onClose={() => setOpen(false)}
          onChosen={onChosen}
          onError={onError}
        />
      )}
    </>
  );
}

function ReadingDialog({
  api,
  choices,
  scope,
  onClose,
  onChosen,
  onError,
}: {
  api: BackfileApi;
  choices: ReadingChoices;
  scope: ReadingScope;
  onClose: () => void;
  onChosen: (choices: ReadingChoices) => void;
  onError: (message: string) => void;
}) {
  const { t } = useTranslation();
  const issue = 'issueId' in scope;
  const own = issue
    ? choices.issues.find((i) => i.id === scope.issueId)
    : choices.titles.find((i) => i.id === scope.titleId);
  // What the scope takes when it chooses nothing: its title's for an issue, the archive's for a title.
  const above = effectiveReading(choices, issue ? { titleId: scope.titleId } : {});
  const [engine, setEngine] = useState(own?.engine ?? '');
  const [language, setLanguage] = useState(own?.language ?? '');
  const [busy, setBusy] = useState(false);
  const inherit = (what: 'engine' | 'language') =>
    t('readingChoice.inherit', {
      from: t(`readingChoice.from.${above[what].from}`),
      value: what === 'engine' ? engineName(above.engine.value, t) : languageName(above.language.value, t),
    });
  const save = () => {
    setBusy(true);
    api
      .call('chooseReading', {
        scope: issue ? { issueId: scope.issueId } : { titleId: scope.titleId },
        engine: (engine || null) as EngineChoice | null,
        // A list set on the command line and left alone is not sent back (the app offers its own).
        ...(language === (own?.language ?? '') && language && !isLanguageChoice(language)
          ? {}
          : { languages: (language || null) as LanguageChoice | null }),
      })
      // The answer is shown at once: the change event may reach this window later, or (sent
      // before its event stream was connected) not at all.
      .then(
        (saved) => {
          onChosen(saved);
          onClose();
        },
        (e: Error) => {
          setBusy(false);
          onError(e.message);
        },
      );
  };
  const heading = t(issue ? 'readingChoice.issueHeading' : 'readingChoice.titleHeading', {
    name: scope.name,
  });
  return (
    <AppDialog onClose={onClose} title={heading} icon={<ReadingIcon />}>
      <DialogBody>
        <FormGroup label={t('ocrLanguage.label')} labelFor="reading-language">
          <HTMLSelect
            id="reading-language"
            fill
            value={language}
            onChange={(e) => setLanguage(e.target.value)}
          >
            <LanguageOptions unset={inherit('language')} current={language} />
          </HTMLSelect>
        </FormGroup>
        <FormGroup label={t('engine.label')} labelFor="reading-engine">
          <HTMLSelect id="reading-engine" fill value={engine} onChange={(e) => setEngine(e.target.value)}>
            <EngineOptions unset={inherit('engine')} />
          </HTMLSelect>
        </FormGroup>
        <p>{t('readingChoice.note')}</p>
      </DialogBody>
      <DialogFooter
        actions={
          <>
            <Button onClick={onClose}>{t('readingChoice.cancel')}</Button>
            <Button intent="primary" loading={busy} onClick={save}>
              {t('readingChoice.save')}
            </Button>
          </>
        }
      />
    </AppDialog>
  );
}
