// Load reports and errors: a role="status" line for successful loads and notices, a role="alert" panel for failed loads.
import { useStoreApi, useView } from './StoreContext';

/** The status line and the error panel. */
export function Messages() {
  const store = useStoreApi();
  const status = useView((s) => s.status);
  const notice = useView((s) => s.notice);
  const error = useView((s) => s.loadError);
  const warnings = useView((s) => s.warnings);
  return (
    <div className="messages">
      <div role="status" className="status">
        {status}
        {notice ? <span className="notice"> · {notice}</span> : null}
        {warnings.length ? (
          <details className="warnings">
            <summary>
              {warnings.length} warning{warnings.length === 1 ? '' : 's'} (quirks repaired on
              import)
            </summary>
            <ul>
              {warnings.slice(0, 100).map((w, i) => (
                <li key={i}>
                  <code>{w.path}</code>: {w.message}
                </li>
              ))}
            </ul>
            {warnings.length > 100 ? <p>…and {warnings.length - 100} more.</p> : null}
          </details>
        ) : null}
      </div>
      {error ? (
        <div role="alert" className="alert">
          <strong>Could not load {error.file}.</strong> The dataset on screen is unchanged.
          <ul>
            {error.issues.slice(0, 100).map((issue, i) => (
              <li key={i}>
                <code>{issue.path}</code>: {issue.message}
              </li>
            ))}
          </ul>
          {error.issues.length > 100 ? <p>…and {error.issues.length - 100} more.</p> : null}
          <button type="button" onClick={() => store.getState().dismissError()}>
            Dismiss
          </button>
        </div>
      ) : null}
    </div>
  );
}
