// Asked when a file arrives while another is being imported: replace the running import, queue the new file, or ignore it.
import { useEffect, useRef } from 'react';

/** What to do with a file that arrived during an import. */
export type DropChoice = 'replace' | 'queue' | 'ignore';

/** A small modal question; Escape ignores the new file (the running import goes on). */
export function DropQuestion({
  running,
  arrived,
  onChoose,
}: {
  running: string;
  arrived: string;
  onChoose: (choice: DropChoice) => void;
}) {
  const first = useRef<HTMLButtonElement>(null);
  useEffect(() => first.current?.focus(), []);
  return (
    <div className="modal-backdrop">
      <div
        className="modal"
        role="alertdialog"
        aria-modal="true"
        aria-label={`Import ${arrived}?`}
        onKeyDown={(e) => {
          if (e.key === 'Escape') {
            e.stopPropagation();
            onChoose('ignore');
          }
        }}
      >
        <h2>Import {arrived}?</h2>
        <p>
          {running} is still being imported. Stop it and import {arrived} instead, import {arrived}{' '}
          after it, or leave {arrived} out?
        </p>
        <div className="modal-actions">
          <button ref={first} type="button" onClick={() => onChoose('replace')}>
            Replace
          </button>
          <button type="button" onClick={() => onChoose('queue')}>
            Import after it
          </button>
          <button type="button" onClick={() => onChoose('ignore')}>
            Ignore
          </button>
        </div>
      </div>
    </div>
  );
}
