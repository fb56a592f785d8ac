import { Card, CardTitle } from "@/components/ui/card";
import type { IndicatorView } from "@/lib/server/plans/get-plan-indicators";
import { IndicatorEdit } from "./indicator-edit";
import { IndicatorValueForm } from "./indicator-value-form";
import { IndicatorValues } from "./indicator-values";

/** One indicator: its values per period and, for those who keep the plan, its forms. */
export function IndicatorCard(props: {
  planId: string;
  indicator: IndicatorView;
  canWrite: boolean;
  defaultPeriod: string;
  organizations: Array<{ id: string; name: string }>;
}) {
  const { indicator } = props;
  const titleId = `indicator-${indicator.id}-title`;
  return (
    <Card aria-labelledby={titleId} className="space-y-4">
      <div>
        <CardTitle id={titleId} className="mb-1">
          Показатель {indicator.number}
        </CardTitle>
        <p className="text-sm">{indicator.title}</p>
      </div>
      {props.canWrite && (
        <IndicatorEdit
          planId={props.planId}
          indicatorId={indicator.id}
          defaults={{
            number: indicator.number,
            title: indicator.title,
            targetText: indicator.targetText,
            method: indicator.method,
            monitoring: indicator.monitoring,
          }}
        />
      )}
      <IndicatorValues indicator={indicator} />
      {props.canWrite && (
        <div className="space-y-3 border-t border-border pt-4">
          <h3 className="text-base font-semibold">Внести значение</h3>
          <IndicatorValueForm
            planId={props.planId}
            indicatorId={indicator.id}
            indicatorNumber={indicator.number}
            defaultPeriod={props.defaultPeriod}
            organizations={props.organizations}
          />
        </div>
      )}
    </Card>
  );
}
