/** Chart colours: dark enough on white for text and marks (WCAG AA), told apart by the legend too. */
export const CHART_COLORS = {
  municipal: "#1d4ed8",
  schools: "#0f766e",
  errors: "#b91c1c",
  partialBand: "#b45309",
  compliantBand: "#15803d",
  axis: "#334155",
  grid: "#e2e8f0",
} as const;
