import { useEffect, useRef } from 'react';
import { useStore } from '../../state/store';
import type { ViewHandle } from './viz-module';

interface Props {
  /** Mounts the view into the element; memoize it per run so views are not rebuilt every render. */
  mount: (el: HTMLElement) => ViewHandle;
  label: string;
  className?: string;
}

/**
 * Hosts one d3 view. Playback time reaches it through a store subscription, not
 * React props, so a frame redraws the views without re-rendering the page.
 */
export function ViewBox({ mount, label, className }: Props) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const handle = mount(el);
    handle.update(useStore.getState().t);
    const unsubscribe = useStore.subscribe((s, prev) => {
      if (s.t !== prev.t || s.selectedActor !== prev.selectedActor) handle.update(s.t);
    });
    const ro = new ResizeObserver(() => handle.resize());
    ro.observe(el);
    return () => {
      unsubscribe();
      ro.disconnect();
      handle.destroy();
      el.replaceChildren();
    };
  }, [mount]);
  return (
    <figure className={`view ${className ?? ''}`} aria-label={label}>
      <div ref={ref} className="view-canvas" />
    </figure>
  );
}
