// Entry point: one store, the error boundary, the app.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createViewStore } from './store/store';
import { App } from './ui/App';
import { ErrorBoundary } from './ui/ErrorBoundary';
import { StoreProvider } from './ui/StoreContext';
import './ui/app.css';

const store = createViewStore();
createRoot(document.getElementById('root') as HTMLElement).render(
  <StrictMode>
    <ErrorBoundary>
      <StoreProvider store={store}>
        <App />
      </StoreProvider>
    </ErrorBoundary>
  </StrictMode>,
);
