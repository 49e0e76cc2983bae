/**
 * Vertical rhythm shared by both card shapes: a line of font size s takes s × LINE of height and
 * sits on a baseline s × BASELINE below its top (Helvetica's ascender plus half the leading).
 */
export const LINE = 1.25;
export const BASELINE = 0.95;
/** Below this (points) a printed name or plan is cut with an ellipsis rather than shrunk further. */
export const MIN_TEXT_SIZE = 5;

/** The baseline of text of `size` centred in a slot of `slotHeight` starting at `top`. */
export const centredBaseline = (top: number, slotHeight: number, size: number) => top + (slotHeight - size * LINE) / 2 + size * BASELINE;
