import type { Locator } from '@playwright/test';

/**
 * How many pixels of a canvas are painted (nearly) in a CSS colour of the page, such as
 * `var(--bad)`: what a person sees on a view drawn on canvas, where no element carries
 * the colour. Anti-aliased edges blend, so a pixel counts when each channel is within
 * `tolerance` of the colour.
 */
export async function pixelsOfColour(canvas: Locator, cssColour: string, tolerance = 24): Promise<number> {
  return canvas.evaluate(
    (el, { cssColour, tolerance }) => {
      const probe = document.createElement('span');
      probe.style.color = cssColour;
      document.body.append(probe);
      const rgb = getComputedStyle(probe).color.match(/\d+/g)!.map(Number);
      probe.remove();
      const c = el as HTMLCanvasElement;
      const data = c.getContext('2d')!.getImageData(0, 0, c.width, c.height).data;
      let n = 0;
      for (let i = 0; i < data.length; i += 4) {
        if (data[i + 3]! < 200) continue;
        if (
          Math.abs(data[i]! - rgb[0]!) <= tolerance &&
          Math.abs(data[i + 1]! - rgb[1]!) <= tolerance &&
          Math.abs(data[i + 2]! - rgb[2]!) <= tolerance
        )
          n++;
      }
      return n;
    },
    { cssColour, tolerance },
  );
}
