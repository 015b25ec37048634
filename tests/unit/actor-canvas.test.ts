// The actor canvas of a big graph: nothing drawn when no actor changed, only the changed actors (and those touching them) when a few did, all of them when the view moved.
import { describe, expect, it } from 'vitest';
import { ActorCanvas, changedActors, type ActorView } from '../../src/graph/ties/actor-canvas';
import { ActorBatches } from '../../src/graph/ties/actors';

/** A 2D context that records the actor centres each path is given (moveTo of a circle is at x + r). */
function recorder() {
  const calls: string[] = [];
  const centres: number[][] = [];
  let path: number[] = [];
  const ctx = {
    fillStyle: '',
    strokeStyle: '',
    lineWidth: 1,
    globalAlpha: 1,
    setTransform: (...m: number[]) => calls.push(`setTransform ${m.join(' ')}`),
    clearRect: (x: number, y: number, w: number, h: number) =>
      calls.push(`clear ${x} ${y} ${w} ${h}`),
    save: () => calls.push('save'),
    restore: () => calls.push('restore'),
    rect: () => calls.push('rect'),
    clip: () => calls.push('clip'),
    setLineDash: () => {},
    beginPath: () => (path = []),
    moveTo: (x: number) => path.push(x),
    arc: () => {},
    lineTo: () => {},
    fill: () => centres.push(path),
    stroke: () => {},
  };
  const canvas = { width: 0, height: 0, style: {} as Record<string, string> };
  return { ctx, canvas, calls, centres };
}

/** Three actors in a row, 15 units of radius: 0 at x 100, 1 at x 120 (touching 0), 2 far off at x 400. */
const xy = new Float64Array([100, 100, 120, 100, 400, 100]);
const view: ActorView = { pw: 600, ph: 300, ratio: 1, zoom: 1, panX: 0, panY: 0, positions: 1 };

function setUp() {
  const r = recorder();
  const layer = new ActorCanvas(
    r.canvas as unknown as HTMLCanvasElement,
    r.ctx as unknown as CanvasRenderingContext2D,
  );
  const actors = new ActorBatches(new Uint8Array(3), new Float32Array([30, 30, 30]));
  actors.state = new Uint8Array([0, 0, 0]);
  layer.draw(actors, xy, view);
  return {
    ...r,
    layer,
    actors,
    drawnXs: () =>
      r.centres
        .flat()
        .map((x) => x - 15)
        .sort((a, b) => a - b),
  };
}

describe('ActorCanvas', () => {
  it('draws every actor at first, then nothing while no state changes', () => {
    const s = setUp();
    expect(s.drawnXs()).toEqual([100, 120, 400]);
    expect(s.layer.full).toBe(1);
    s.centres.length = 0;
    s.calls.length = 0;
    s.actors.state = new Uint8Array([0, 0, 0]);
    s.layer.draw(s.actors, xy, view);
    expect(s.calls).toEqual([]);
  });

  it('redraws one changed actor and the neighbour it touches, clipped to its box', () => {
    const s = setUp();
    s.centres.length = 0;
    s.actors.state = new Uint8Array([1, 0, 0]);
    s.layer.draw(s.actors, xy, view);
    expect(s.layer.partial).toBe(1);
    expect(s.calls).toContain('clip');
    // Actor 0 changed; actor 1 overlaps its box and is drawn again under the clip; actor 2 is not.
    expect(s.drawnXs()).toEqual([100, 120]);
  });

  it('redraws everything when the view moves', () => {
    const s = setUp();
    s.centres.length = 0;
    s.actors.state = new Uint8Array([1, 0, 0]);
    s.layer.draw(s.actors, xy, { ...view, panX: 10 });
    expect(s.layer.full).toBe(2);
    expect(s.layer.partial).toBe(0);
    // All three again (in graph units), under the moved view's transform.
    expect(s.drawnXs()).toEqual([100, 120, 400]);
    expect(s.calls).toContain('setTransform 1 0 0 1 10 0');
  });
});

describe('changedActors', () => {
  it('lists the ordinals whose state differs, or all when the sizes differ', () => {
    expect(changedActors(new Uint8Array([0, 1, 2]), new Uint8Array([0, 2, 2]))).toEqual([1]);
    expect(changedActors(new Uint8Array([0]), new Uint8Array([0, 0]))).toEqual([0, 1]);
  });
});
