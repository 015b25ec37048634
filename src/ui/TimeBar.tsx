// The time bar: the date as written, a histogram of relation starts per month, the Timeline slider, play and modes.
import { useMemo } from 'react';
import { formatTime, timeScaleOf } from '../model';
import { timeBounds } from '../store/store';
import { useView } from './StoreContext';
import { Histogram } from './timebar/Histogram';
import { Head } from './timebar/Head';
import { Sliders } from './timebar/Sliders';

/** The whole time bar. */
export function TimeBar() {
  const dataset = useView((s) => s.dataset);
  const eventWindow = useView((s) => s.eventWindow);
  const [first, last] = useMemo(() => timeBounds({ dataset, eventWindow }), [dataset, eventWindow]);
  const scale = timeScaleOf(dataset);
  const disabled = !dataset;
  return (
    <section className="timebar" aria-label="Time">
      <Head scale={scale} disabled={disabled} />
      <Histogram first={first} last={last} />
      <Sliders first={first} last={last} scale={scale} disabled={disabled} />
      <div className="axis" aria-hidden="true">
        <span>{formatTime(first, scale)}</span>
        <span>{formatTime(last, scale)}</span>
      </div>
    </section>
  );
}
