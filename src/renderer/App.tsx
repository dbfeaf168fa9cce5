import { useTranslation } from 'react-i18next';
import type { BackfileApi } from '../shared/api/contract.ts';
import { Library } from './library/Library.tsx';

export function App({ api }: { api: BackfileApi }) {
  const { t, i18n } = useTranslation();
  const switchTo = (lng: 'en' | 'zh') => {
    window.localStorage.setItem('backfile.language', lng);
    void i18n.changeLanguage(lng);
  };
  return (
    <div className="app">
      <nav className="topbar">
        <strong>{t('appName')}</strong>
        <label>
          {t('language')}{' '}
          <select value={i18n.language} onChange={(e) => switchTo(e.target.value as 'en' | 'zh')}>
            <option value="zh">简体中文</option>
            <option value="en">English</option>
          </select>
        </label>
      </nav>
      <Library api={api} />
    </div>
  );
}
