/**
 * A first-in first-out list of ids that skips stale entries when popped (an id whose
 * message was deleted while queued). Array plus head index, compacted as the head
 * advances, so pushes and pops stay O(1) amortised at thousands of messages a second.
 */
export class LazyFifo {
  private ids: number[] = [];
  private head = 0;

  push(id: number): void {
    this.ids.push(id);
  }

  /** The oldest id for which `live(id)` holds, removing it and every stale id before it. */
  pop(live: (id: number) => boolean): number | undefined {
    while (this.head < this.ids.length) {
      const id = this.ids[this.head++] as number;
      if (this.head > 4096 && this.head * 2 > this.ids.length) {
        this.ids = this.ids.slice(this.head);
        this.head = 0;
      }
      if (live(id)) return id;
    }
    return undefined;
  }
}
