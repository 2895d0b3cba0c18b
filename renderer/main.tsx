import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { z } from 'zod';
import { chooseTransport } from './api/choose-transport';
import { App } from './App';
import { initI18n } from './i18n/i18n';
import { AppSessionProvider } from './session/app-session';
import './styles.css';

// The window's CSP forbids eval; zod would otherwise probe `new Function` (and report a violation) to speed up parsing.
z.config({ jitless: true });

async function boot() {
  await initI18n();
  const transport = chooseTransport();
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <AppSessionProvider transport={transport}>
        <App />
      </AppSessionProvider>
    </StrictMode>,
  );
}

void boot();
