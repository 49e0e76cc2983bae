/**
 * Collects what arrives and hands it over once per animation frame: live batches that come in
 * a burst (several WebSocket messages between two frames) cost one store update and one render,
 * not one each. Frames do not run in a hidden window, so a timer hands over after `maxWaitMs`
 * at the latest, and nothing piles up there.
 */
export function frameBatches<T>(flush: (items: T[]) => void, maxWaitMs = 250) {
  let items: T[] = [];
  let frame = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;

  const cancel = () => {
    if (frame !== 0) cancelAnimationFrame(frame);
    frame = 0;
    clearTimeout(timer);
    timer = undefined;
  };
  const now = () => {
    cancel();
    const batch = items;
    items = [];
    if (batch.length > 0) flush(batch);
  };

  return {
    push(item: T): void {
      items.push(item);
      if (timer !== undefined) return;
      // Node (unit tests, the bench's client) has no frames: the timer alone hands over there.
      if (typeof requestAnimationFrame === 'function') frame = requestAnimationFrame(now);
      timer = setTimeout(now, maxWaitMs);
    },
    /** Hands over what is waiting now (before something that must see it applied). */
    flush: now,
    /** Drops what is waiting (the view detached). */
    discard(): void {
      cancel();
      items = [];
    },
  };
}
