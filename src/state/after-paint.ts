/**
 * Resolves after the browser has painted what is on screen now (or after 100 ms when
 * frames are not coming, as in a background tab). Heavy loads (the worker, Monaco,
 * d3) wait for it, so the lesson text paints on the entry chunk and the lesson alone.
 */
export function afterPaint(): Promise<void> {
  return new Promise((resolve) => {
    const done = () => setTimeout(resolve, 0);
    const timer = setTimeout(resolve, 100);
    requestAnimationFrame(() => {
      clearTimeout(timer);
      done();
    });
  });
}
