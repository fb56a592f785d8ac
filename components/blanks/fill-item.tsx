import type { UseFormReturn } from "react-hook-form";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import type { FormAnswer } from "@/lib/domain/blanks/answer-form";
import type { OwnerDocument } from "@/lib/server/documents/list-documents-for-owner";
import type { AnswerKind, TLegalBasis, TTemplateItem } from "@/lib/schemas/template";
import { AnswerFields, type BlankFormValues } from "./answer-fields";
import type { Remark } from "@/lib/domain/blanks/remarks";
import { ItemHistory } from "./item-history";
import { ItemFrame } from "./item-remark";
import { LegalBasis } from "./legal-basis";
import { OfficialCount } from "./official-count";

/** One answerable item of the participant's form: its basis, its fields, the official count and its history. */
export function FillItem(props: {
  blankId: string;
  item: TTemplateItem;
  depth: number;
  bases: TLegalBasis[];
  form: UseFormReturn<BlankFormValues>;
  value: FormAnswer;
  /** Carried over from the previous campaign and not yet confirmed or changed. */
  carried: boolean;
  onConfirm: () => void;
  fileOwner: string;
  registry: OwnerDocument[];
  official: number | undefined;
  /** The auditor's remark on a returned blank. */
  remark: Remark | undefined;
  /** What stopped the submit at this item. */
  problem: string | undefined;
}) {
  const { item, form, value } = props;
  return (
    <ItemFrame
      itemKey={item.key}
      depth={props.depth}
      legend={
        <>
          {item.number} {item.title}
          {item.footnotes.map((f) => f.mark).join("")}
        </>
      }
      remark={props.remark}
      problem={props.problem}
      className="space-y-3"
    >
      <LegalBasis bases={props.bases} />
      {item.annualUpdate && (
        <p className="text-xs text-muted-foreground">Ежегодное обновление: документ не старше 12 месяцев на дату аудита.</p>
      )}
      {props.carried && (
        <div className="flex flex-wrap items-center gap-2">
          <Badge>перенесено из прошлой кампании</Badge>
          <Button type="button" size="sm" variant="outline" onClick={props.onConfirm}>
            Подтвердить ответ {item.number}
          </Button>
        </div>
      )}
      <AnswerFields
        itemKey={item.key}
        kind={item.kind as AnswerKind}
        label={`${item.number} ${item.title}`}
        register={form.register}
        setValue={form.setValue}
        errors={form.formState.errors}
        value={value}
        fileOwner={props.fileOwner}
        disabled={false}
        registry={props.registry}
      />
      <OfficialCount official={props.official} declared={value.count.trim() === "" ? null : Number(value.count)} />
      <ItemHistory blankId={props.blankId} itemKey={item.key} label={item.number} />
    </ItemFrame>
  );
}
