"use client";

import { Bar, BarChart, CartesianGrid, LabelList, XAxis, YAxis } from "recharts";
import { formatPercent } from "@/lib/domain/dashboard/format";
import { CHART_COLORS } from "./chart-colors";
import { ScrollableChart } from "./scrollable-chart";

export interface TypicalErrorsChartRow {
  /** "1.2.1 План работы", shortened to fit the axis. */
  label: string;
  share: number;
}

const percentLabel = (value: unknown) => (typeof value === "number" ? formatPercent(value) : "");

/**
 * The share of blanks with each typical error as horizontal bars, largest first.
 * One image for assistive technology; the table next to it holds the same numbers.
 */
export function TypicalErrorsChart(props: { rows: TypicalErrorsChartRow[]; labelledBy: string; describedBy: string }) {
  const height = Math.max(140, props.rows.length * 34 + 50);
  return (
    <ScrollableChart labelledBy={props.labelledBy} describedBy={props.describedBy} minWidth="min-w-[30rem]">
      <BarChart
        layout="vertical"
        data={props.rows}
        responsive
        style={{ width: "100%", height }}
        accessibilityLayer={false}
        margin={{ top: 8, right: 56, bottom: 8, left: 8 }}
        barCategoryGap="22%"
      >
        <CartesianGrid horizontal={false} stroke={CHART_COLORS.grid} />
        <XAxis
          type="number"
          domain={[0, 100]}
          ticks={[0, 20, 40, 60, 80, 100]}
          tickFormatter={(v: number) => `${v} %`}
          tick={{ fill: CHART_COLORS.axis, fontSize: 12 }}
        />
        <YAxis type="category" dataKey="label" width={260} interval={0} tick={{ fill: CHART_COLORS.axis, fontSize: 12 }} />
        <Bar dataKey="share" name="Доля бланков с ошибкой" fill={CHART_COLORS.errors} isAnimationActive={false}>
          <LabelList dataKey="share" position="right" formatter={percentLabel} fill={CHART_COLORS.axis} fontSize={11} />
        </Bar>
      </BarChart>
    </ScrollableChart>
  );
}
