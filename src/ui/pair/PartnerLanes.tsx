// The selected actor's busiest partners, one lane each (KronoGraph-style): a click on a lane moves the date, a name opens the pair's history.
import { useMemo } from 'react';
import { pairHistory, topPartners, type ActorId } from '../../model';
import { modelOf } from '../../store/selectors';
import { useStoreApi, useView } from '../StoreContext';
import { Lane } from './Lane';

/** Lanes of the actor's top partners by shared records. */
export function PartnerLanes({ actor }: { actor: ActorId }) {
  const store = useStoreApi();
  const model = useView(modelOf);
  const lanes = useMemo(
    () =>
      model
        ? topPartners(model, actor).map((other) => ({
            other,
            segments: pairHistory(model, actor, other),
          }))
        : [],
    [model, actor],
  );
  if (!model || lanes.length === 0) return null;
  return (
    <ul className="partner-lanes" aria-label="Pairs over time">
      {lanes.map(({ other, segments }) => {
        const name = model.actorById.get(other)?.name ?? other;
        return (
          <li key={other}>
            <button
              type="button"
              className="link"
              onClick={() => store.getState().selectPair(actor, other)}
              aria-label={`${name}: pair history`}
            >
              {name}
            </button>
            <Lane model={model} segments={segments} label={name} />
          </li>
        );
      })}
    </ul>
  );
}
