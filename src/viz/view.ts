/** What every mounted view gives back to the app. */
export interface ViewHandle {
  /** Render the run at virtual time t (ms); called every frame by the app's playback loop. */
  update(t: number): void;
  /** Re-measure the container and redraw (the app calls it from a ResizeObserver). */
  resize(): void;
  /** Remove everything the view added to its container. */
  destroy(): void;
}
