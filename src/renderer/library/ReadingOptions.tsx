// The options of the two reading selects, one list for every place that offers them (the
// library's toolbar, the reading choice of a title or an issue): the first option is what an
// empty choice means there, which the caller names.

import { useTranslation } from 'react-i18next';
import { ENGINE_LABELS, ENGINE_NAMES, LANGUAGE_CHOICES, isLanguageChoice } from '../../shared/ocr.ts';

export function EngineOptions({ unset }: { unset: string }) {
  const { t } = useTranslation();
  return (
    <>
      <option value="">{unset}</option>
      <option value="auto">{t('engine.auto')}</option>
      {ENGINE_NAMES.map((name) => (
        <option key={name} value={name}>
          {ENGINE_LABELS[name]}
        </option>
      ))}
    </>
  );
}

/** `current`: a language chosen outside the list (by the command line) stays choosable. */
export function LanguageOptions({ unset, current = '' }: { unset: string; current?: string }) {
  const { t } = useTranslation();
  return (
    <>
      <option value="">{unset}</option>
      {LANGUAGE_CHOICES.map((choice) => (
        <option key={choice} value={choice}>
          {t(`ocrLanguage.${choice}`)}
        </option>
      ))}
      {current && !isLanguageChoice(current) && <option value={current}>{current}</option>}
    </>
  );
}
