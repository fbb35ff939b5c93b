/** Reads per second drawn on the page (the others run the same way, unseen). No runtime imports: the page reads it too. */
export const DRAWN_PER_SECOND = 25;
