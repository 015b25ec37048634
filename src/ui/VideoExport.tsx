// "Record video": a dialog to pick range, speed, frame rate, size and format, then a recording of the main view saved as MP4 or WebM.
import { Suspense, lazy, useRef, useState } from 'react';
import type { GraphAdapter } from '../graph/adapter';
import { useView } from './StoreContext';

/** The dialog and the recorder load only when asked for. */
const VideoDialog = lazy(() => import('./VideoDialog').then((m) => ({ default: m.VideoDialog })));

/** The button that opens the dialog; the dialog exists only while open. */
export function VideoExport({ adapter }: { adapter: GraphAdapter | null }) {
  const [open, setOpen] = useState(false);
  const hasData = useView((s) => s.dataset !== null);
  const button = useRef<HTMLButtonElement>(null);
  return (
    <>
      <button
        ref={button}
        type="button"
        onClick={() => setOpen(true)}
        disabled={!adapter || !hasData}
      >
        Record video
      </button>
      {open && adapter ? (
        <Suspense fallback={null}>
          <VideoDialog
            adapter={adapter}
            onClose={() => {
              setOpen(false);
              button.current?.focus();
            }}
          />
        </Suspense>
      ) : null}
    </>
  );
}
