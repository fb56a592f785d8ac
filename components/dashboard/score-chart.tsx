"use client";

import { Bar, BarChart, CartesianGrid, LabelList, ReferenceLine, XAxis, YAxis } from "recharts";
import { formatPercent } from "@/lib/domain/dashboard/format";
import { CHART_COLORS } from "./chart-colors";
import { ScrollableChart } from "./scrollable-chart";

export interface ScoreChartRow {
  name: string;
  score: number | null;
  schoolAverage: number | null;
}

const percentLabel = (value: unknown) => (typeof value === "number" ? formatPercent(value) : "");

/**
 * Scores by municipality as horizontal bars (the municipal blank and the schools'
 * average), highest first, with the grade bands as reference lines. The picture
 * is one image for assistive technology: the same numbers are in the table next to it.
 */
export function ScoreChart(props: {
  rows: ScoreChartRow[];
  bands: { compliant: number; partial: number };
  labelledBy: string;
  describedBy: string;
}) {
  const height = Math.max(180, props.rows.length * 48 + 70);
  return (
    <ScrollableChart labelledBy={props.labelledBy} describedBy={props.describedBy} minWidth="min-w-[32rem]">
      <BarChart
        layout="vertical"
        data={props.rows}
        responsive
        style={{ width: "100%", height }}
        accessibilityLayer={false}
        margin={{ top: 24, right: 56, bottom: 8, left: 8 }}
        barCategoryGap="18%"
        barGap={2}
      >
        <CartesianGrid horizontal={false} stroke={CHART_COLORS.grid} />
        <XAxis
          type="number"
          domain={[0, 100]}
          ticks={[0, 20, 40, 60, 80, 100]}
          tickFormatter={(v: number) => `${v} %`}
          tick={{ fill: CHART_COLORS.axis, fontSize: 12 }}
        />
        <YAxis type="category" dataKey="name" width={200} interval={0} tick={{ fill: CHART_COLORS.axis, fontSize: 12 }} />
        <ReferenceLine
          x={props.bands.partial}
          stroke={CHART_COLORS.partialBand}
          strokeDasharray="5 4"
          label={{ value: `${props.bands.partial} %`, position: "top", fill: CHART_COLORS.partialBand, fontSize: 12 }}
        />
        <ReferenceLine
          x={props.bands.compliant}
          stroke={CHART_COLORS.compliantBand}
          strokeDasharray="5 4"
          label={{ value: `${props.bands.compliant} %`, position: "top", fill: CHART_COLORS.compliantBand, fontSize: 12 }}
        />
        <Bar dataKey="score" name="Бланк МО" fill={CHART_COLORS.municipal} isAnimationActive={false}>
          <LabelList dataKey="score" position="right" formatter={percentLabel} fill={CHART_COLORS.axis} fontSize={11} />
        </Bar>
        <Bar dataKey="schoolAverage" name="Школы, средний балл" fill={CHART_COLORS.schools} isAnimationActive={false}>
          <LabelList dataKey="schoolAverage" position="right" formatter={percentLabel} fill={CHART_COLORS.axis} fontSize={11} />
        </Bar>
      </BarChart>
    </ScrollableChart>
  );
}
