import { useEffect, useRef } from 'react';
import { useStore } from '../../state/store';
import type { ViewHandle } from './viz-module';

/** How often a view out of sight follows playback (ms). */
const HIDDEN_EVERY_MS = 250;

interface Props {
  /** Mounts the view into the element; memoize it per run so views are not rebuilt every render. */
  mount: (el: HTMLElement) => ViewHandle;
  label: string;
  /** A line under the view, e.g. that only a sample of the messages is drawn. */
  note?: string;
  className?: string;
}

/**
 * Hosts one d3 view. Playback time reaches it through a store subscription, not
 * React props, so a frame redraws the views without re-rendering the page; views out
 * of sight redraw a few times a second.
 */
export function ViewBox({ mount, label, note, className }: Props) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const handle = mount(el);
    handle.update(useStore.getState().t);
    // A view scrolled out of sight follows playback a few times a second instead of every
    // frame (its name and numbers stay current for screen readers and tests), and catches
    // up the moment it scrolls back into sight.
    let visible = true;
    let hiddenAt = -Infinity;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const catchUp = () => {
      clearTimeout(timer);
      timer = undefined;
      hiddenAt = performance.now();
      handle.update(useStore.getState().t);
    };
    const unsubscribe = useStore.subscribe((s, prev) => {
      if (s.t === prev.t && s.selectedActor === prev.selectedActor) return;
      if (visible) handle.update(s.t);
      else if (timer === undefined)
        timer = setTimeout(catchUp, Math.max(0, hiddenAt + HIDDEN_EVERY_MS - performance.now()));
    });
    const io = new IntersectionObserver(([entry]) => {
      visible = entry?.isIntersecting ?? true;
      if (visible && timer !== undefined) catchUp();
    });
    io.observe(el);
    const ro = new ResizeObserver(() => handle.resize());
    ro.observe(el);
    return () => {
      unsubscribe();
      clearTimeout(timer);
      io.disconnect();
      ro.disconnect();
      handle.destroy();
      el.replaceChildren();
    };
  }, [mount]);
  return (
    <figure className={`view ${className ?? ''}`} aria-label={label}>
      <div ref={ref} className="view-canvas" />
      {note ? <figcaption className="view-note">{note}</figcaption> : null}
    </figure>
  );
}
