import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App.tsx';
import { setupI18n } from './i18n/setup.ts';
import { pickTransport } from './transport/pick.ts';
import './styles.css';

setupI18n();
createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App api={pickTransport()} />
  </StrictMode>,
);
