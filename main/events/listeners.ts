import type { CoreServices } from '../core/services';

/**
 * The one place that says what happens after each event: every domain listener is registered
 * here, so reading this file tells the whole story. Returns a function that removes them all.
 */
export function registerListeners(services: CoreServices): () => void {
  const removers: Array<() => void> = [];
  void services;
  return () => {
    for (const remove of removers) remove();
  };
}
