// A part of the page whose code loads after the first graph: one lazy import behind one Suspense.
import { lazy, Suspense, type ComponentType } from 'react';

/**
 * A part of the page that is not needed to draw the first graph (legend, menus, messages, panels): its
 * code loads after it, and it renders nothing until then.
 */
export function deferred<P extends object>(
  load: () => Promise<ComponentType<P>>,
): ComponentType<P> {
  const Lazy = lazy(() => load().then((c) => ({ default: c })));
  return function Deferred(props: P) {
    return (
      <Suspense fallback={null}>
        <Lazy {...props} />
      </Suspense>
    );
  };
}
