import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App.tsx';
import { setupI18n } from './i18n/setup.ts';
import { pickTransport } from './transport/pick.ts';
import '@blueprintjs/core/lib/css/blueprint.css';
import './theme/tokens.css';
import './styles.css';

setupI18n();
createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App api={pickTransport()} />
  </StrictMode>,
);
