/** Editor font size (px) and the width of one monospace character at that size (about 0.6 em). */
export const CODE_FONT_PX = 13;
const CHAR_PX = CODE_FONT_PX * 0.6;
/** Line numbers, scrollbar, the column's and the region's padding and borders. */
const CODE_CHROME_PX = 110;

/**
 * Column widths for a viewport: the guide column a readable measure, the code column
 * wide enough for the starter's longest line when the screen allows (at most 40% of
 * it; longer lines wrap in the editor rather than scroll), the views the rest.
 */
export function initialColumns(viewportWidth: number, starter: string): { left: number; right: number } {
  const longest = Math.max(0, ...starter.split('\n').map((l) => l.replace(/\t/g, '  ').length));
  const left = viewportWidth >= 1280 ? 300 : 280;
  const fit = Math.ceil(longest * CHAR_PX + CODE_CHROME_PX);
  const right = Math.round(Math.min(fit, Math.max(360, viewportWidth * 0.4)));
  return { left, right: Math.max(340, right) };
}
