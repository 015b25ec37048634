// A part of the page whose code loads when first needed: one lazy import behind one Suspense that shows nothing.
import { lazy, Suspense, type ComponentType, type ReactNode } from 'react';

/**
 * A part of the page that is not needed to draw the first graph (legend, menus, messages, panels,
 * dialogs, the pair lanes, the histogram's strips): its code loads when it is first rendered, and it
 * renders nothing (or `fallback`, to hold its place) until then.
 */
export function deferred<P extends object>(
  load: () => Promise<ComponentType<P>>,
  fallback: ReactNode = null,
): ComponentType<P> {
  const Lazy = lazy(() => load().then((c) => ({ default: c })));
  return function Deferred(props: P) {
    return (
      <Suspense fallback={fallback}>
        <Lazy {...props} />
      </Suspense>
    );
  };
}
