// The store behind a React context, so each mounted app (and each component test) has its own.
import { createContext, useContext, type ReactNode } from 'react';
import { useStore, type StoreApi } from 'zustand';
import type { ViewStore } from '../store/store';

const Ctx = createContext<StoreApi<ViewStore> | null>(null);

/** Provides a store to the components below. */
export function StoreProvider({
  store,
  children,
}: {
  store: StoreApi<ViewStore>;
  children: ReactNode;
}) {
  return <Ctx.Provider value={store}>{children}</Ctx.Provider>;
}

/** The store itself, for event handlers that read `getState()` when they fire. */
export function useStoreApi(): StoreApi<ViewStore> {
  const store = useContext(Ctx);
  if (!store) throw new Error('useStoreApi outside StoreProvider');
  return store;
}

/** Subscribes to a slice of the store; selectors must return primitives or stable references. */
export function useView<T>(selector: (s: ViewStore) => T): T {
  return useStore(useStoreApi(), selector);
}
