// Load reports and errors: a role="status" line for successful loads and notices, a role="alert" panel for failed loads.
import { downloadDataset } from '../app/dataset-file';
import { currentLoad } from '../app/load-control';
import { useStoreApi, useView } from './StoreContext';

const mb = (n: number): string => `${(n / 1024 / 1024).toFixed(1)} MB`;

/** A dataset being downloaded (?data=): bytes so far, of how many when known, and Cancel. */
function LoadingLine() {
  const store = useStoreApi();
  const loading = useView((s) => s.loading);
  if (!loading) return null;
  return (
    <span className="loading-line">
      Loading {loading.name}… {mb(loading.done)}
      {loading.total !== null ? ` of ${mb(loading.total)}` : ''}{' '}
      {loading.total ? (
        <progress aria-label="Download progress" max={loading.total} value={loading.done} />
      ) : null}{' '}
      <button
        type="button"
        onClick={() => {
          currentLoad(store)?.cancel();
          store.getState().setLoading(null);
        }}
      >
        Cancel
      </button>
    </span>
  );
}

/** The status line and the error panel. */
export function Messages() {
  const store = useStoreApi();
  const status = useView((s) => s.status);
  const notice = useView((s) => s.notice);
  const error = useView((s) => s.loadError);
  const warnings = useView((s) => s.warnings);
  const unkept = useView((s) => s.unkept);
  const loading = useView((s) => s.loading);
  return (
    <div className="messages">
      <div role="status" className="status">
        {loading ? <LoadingLine /> : status}
        {notice ? <span className="notice"> · {notice}</span> : null}
        {unkept ? (
          <span className="notice unkept">
            {' '}
            · It could not be kept in this browser: {unkept}. It will be gone after a reload;{' '}
            <button type="button" onClick={() => void downloadDataset(store)}>
              Export dataset
            </button>{' '}
            to keep a copy.
          </span>
        ) : null}
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
