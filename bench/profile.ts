// V8 CPU profile of a piece of benchmark code (Node inspector): self time by function, to say where the time goes.
import { Session } from 'node:inspector/promises';
import { round } from './stats';

/** One function's share of a profile. */
export interface ProfileLine {
  readonly fn: string;
  /** The file (last two path segments) and line. */
  readonly at: string;
  readonly selfMs: number;
  readonly share: number;
}

/** Total sampled time and the functions with the most self time. */
export interface ProfileSummary {
  readonly totalMs: number;
  readonly top: ProfileLine[];
}

interface CpuProfile {
  nodes: {
    id: number;
    callFrame: { functionName: string; url: string; lineNumber: number };
  }[];
  samples: number[];
  timeDeltas: number[];
}

/** Runs `fn` under the sampling profiler and summarises self time by function (top `n`). */
export async function profileSelf(fn: () => void, n = 8): Promise<ProfileSummary> {
  const session = new Session();
  session.connect();
  try {
    await session.post('Profiler.enable');
    await session.post('Profiler.setSamplingInterval', { interval: 100 });
    await session.post('Profiler.start');
    fn();
    const { profile } = (await session.post('Profiler.stop')) as unknown as { profile: CpuProfile };
    const byId = new Map(profile.nodes.map((node) => [node.id, node]));
    const self = new Map<string, { fn: string; at: string; us: number }>();
    let total = 0;
    profile.samples.forEach((id, i) => {
      const us = profile.timeDeltas[i] ?? 0;
      const cf = byId.get(id)?.callFrame;
      if (!cf || cf.functionName === '(idle)' || cf.functionName === '(program)') return;
      // The inspector session runs on this thread: its own native `dispatch` of the start and stop
      // commands is sampled too (about 1 ms per profiled call here), and is not the code's time.
      if (cf.functionName === 'dispatch' && cf.url === '') return;
      const at = `${cf.url.split('/').slice(-2).join('/')}:${cf.lineNumber + 1}`;
      const key = `${cf.functionName}@${at}`;
      const line = self.get(key) ?? { fn: cf.functionName || '(anonymous)', at, us: 0 };
      line.us += us;
      self.set(key, line);
      total += us;
    });
    const top = [...self.values()]
      .sort((a, b) => b.us - a.us)
      .slice(0, n)
      .map((l) => ({
        fn: l.fn,
        at: l.at,
        selfMs: round(l.us / 1000, 3),
        share: round(l.us / Math.max(1, total), 2),
      }));
    return { totalMs: round(total / 1000, 3), top };
  } finally {
    await session.post('Profiler.disable').catch(() => {});
    session.disconnect();
  }
}
