// Catches render errors so a bug shows a readable message instead of a blank page.
import { Component, type ErrorInfo, type ReactNode } from 'react';

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
        <a href="./">Reload the bundled dataset</a>
      </div>
    );
  }
}
