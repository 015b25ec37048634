// Snapshot exports (PNG, SVG) of the current view: the citation lines (date, lens, dataset hash, permalink) and the download.
import type { StoreApi } from 'zustand';
import type { GraphAdapter } from '../graph/adapter';
import { datasetHash } from '../io/hash';
import { dayToIso, describeLens, formatTime, timeScaleOf } from '../model';
import { modelOf } from '../store/selectors';
import type { ViewStore } from '../store/store';
import { downloadBlob } from './download';
import { permalink } from './url-sync';

/** Exports the current view as an image and downloads it; the export code loads only when asked for. Throws on failure. */
export async function exportSnapshot(
  store: StoreApi<ViewStore>,
  adapter: GraphAdapter,
  ext: 'png' | 'svg',
): Promise<void> {
  const s = store.getState();
  const model = modelOf(s);
  if (!model || !s.dataset) return;
  const ex = await import('../graph/export');
  const { legendOf } = await import('../graph/legend-data');
  const hash = await datasetHash(s.dataset);
  const meta = {
    title: s.dataset.title,
    isoDate: dayToIso(s.time),
    dateText: s.compare
      ? `${formatTime(s.compare[0], timeScaleOf(s.dataset))} compared with ${formatTime(s.compare[1], timeScaleOf(s.dataset))}`
      : formatTime(s.time, timeScaleOf(s.dataset)),
    lines: [
      ...describeLens(model, s.lens),
      `Dataset ${hash} (${s.datasetName})`,
      `Permalink: ${permalink(s)}`,
    ],
  };
  const legend = legendOf(model);
  const name = ex.snapshotFileName(meta.isoDate, ext);
  const blob =
    ext === 'png'
      ? await ex.exportPng(adapter, meta, legend, model)
      : new Blob([ex.exportSvg(adapter, meta, legend, model)], { type: 'image/svg+xml' });
  downloadBlob(blob, name);
}
