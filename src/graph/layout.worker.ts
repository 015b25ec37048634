// The layout worker: receives a LayoutInput, answers with positions, so a big layout never blocks the page.
import { errorMessage } from '../model';
import type { LayoutInput } from './layout';
import { computeLayout } from './layout-compute';

self.onmessage = (e: MessageEvent<LayoutInput>) => {
  computeLayout(e.data).then(
    (positions) => (self as unknown as Worker).postMessage({ positions }, [positions.buffer]),
    (err: unknown) => (self as unknown as Worker).postMessage({ error: errorMessage(err) }),
  );
};
