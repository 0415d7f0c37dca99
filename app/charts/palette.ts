// Okabe–Ito: distinguishable with the common colour-vision deficiencies and in greyscale print.
export const PALETTE = {
  blue: "#0072B2",
  orange: "#E69F00",
  green: "#009E73",
  vermillion: "#D55E00",
  purple: "#CC79A7",
  sky: "#56B4E9",
  yellow: "#F0E442",
  black: "#000000",
  grey: "#6B6B6B",
} as const;

/** Unknown categories ("could not be confirmed") are drawn in neutral grey, never hidden. */
export const UNKNOWN_COLOUR = "#9A9A9A";
