// Saving the dataset on screen as a tieline/1 file (the menu's Export dataset, and the offer made when the browser could not keep an import).
import type { StoreApi } from 'zustand';
import type { ViewStore } from '../store/store';
import { downloadBlob } from './download';

/** Downloads the dataset on screen as `<title>.tieline.json`; the export code loads only when asked for. */
export async function downloadDataset(store: StoreApi<ViewStore>): Promise<void> {
  const s = store.getState();
  if (!s.dataset) return;
  const { exportDataset } = await import('../io/export-json');
  const base =
    (s.dataset.title || 'dataset')
      .replace(/[^\p{L}\p{N}]+/gu, '-')
      .replace(/^-|-$/g, '')
      .toLowerCase()
      .slice(0, 80) || 'dataset';
  downloadBlob(
    new Blob([exportDataset(s.dataset)], { type: 'application/json' }),
    `${base}.tieline.json`,
  );
}
