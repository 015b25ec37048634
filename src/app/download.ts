// Saving a file the app made (dataset JSON, snapshot, video) through the browser's download.
/** How long the object URL outlives the click: some browsers start reading it only after the click returns. */
const REVOKE_DELAY_MS = 10_000;

/** Saves a blob under a file name via a temporary anchor, then revokes the object URL. */
export function downloadBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.rel = 'noopener';
  a.style.display = 'none';
  document.body.append(a);
  try {
    a.click();
  } finally {
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), REVOKE_DELAY_MS);
  }
}
