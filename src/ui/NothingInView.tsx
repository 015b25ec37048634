// Said over an empty graph: nothing is in view at this date, and a button to the next date with ties (a lazy chunk: most views never need it).
import { formatDay, nextStart, type Day, type Model } from '../model';
import { selectStatuses } from '../store/selectors';
import { useStoreApi, useView } from './StoreContext';

/** Said in place of an empty graph: nothing is in view at this date, and where the next record is. */
export function NothingInView({ model, time }: { model: Model; time: Day }) {
  const store = useStoreApi();
  const statuses = useView(selectStatuses);
  const next = nextStart(model, time, (i) => statuses[i] != null);
  return (
    <div className="nothing-in-view" aria-live="polite">
      <p>Nothing in view on {formatDay(time)}.</p>
      {next !== null ? (
        <button type="button" onClick={() => store.getState().setTime(next)}>
          Go to the next date with ties ({formatDay(next)})
        </button>
      ) : null}
    </div>
  );
}
