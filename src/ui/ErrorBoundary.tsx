// Catches render errors so a bug shows a readable message instead of a blank page.
import { Component, type ErrorInfo, type ReactNode } from 'react';

/** The saved dataset the address names (ds=), which a reload would open again. */
function savedId(): string | null {
  return new URLSearchParams(window.location.search).get('ds');
}

/** Deletes the saved dataset that crashes the view, so a reload cannot trap the user in it, then opens the bundled one. */
async function removeAndReload(id: string | null): Promise<void> {
  if (id) {
    try {
      const { deleteDataset } = await import('../io/library');
      await deleteDataset(id);
    } catch {
      // Storage unavailable: the bundled dataset opens anyway (the address no longer names it).
    }
  }
  window.location.assign(window.location.pathname);
}

/** Shows what went wrong and a way back, instead of unmounting the whole app. */
export class ErrorBoundary extends Component<{ children: ReactNode }, { error: Error | null }> {
  override state: { error: Error | null } = { error: null };

  static getDerivedStateFromError(error: Error): { error: Error } {
    return { error };
  }

  override componentDidCatch(error: Error, info: ErrorInfo): void {
    console.warn('Tieline view error:', error, info.componentStack);
  }

  override render(): ReactNode {
    if (!this.state.error) return this.props.children;
    return (
      <div role="alert" className="alert fatal">
        <h2>Something went wrong while drawing this view.</h2>
        <p>{this.state.error.message}</p>
        <button type="button" onClick={() => this.setState({ error: null })}>
          Try again
        </button>{' '}
        {savedId() ? (
          <>
            <button type="button" onClick={() => void removeAndReload(savedId())}>
              Remove this saved dataset and open the bundled one
            </button>{' '}
          </>
        ) : null}
        <a href="./">Reload the bundled dataset</a>
      </div>
    );
  }
}
