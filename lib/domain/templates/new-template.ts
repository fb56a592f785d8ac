import { ZTemplateDocument, type TemplateLevel, type TTemplateContent } from "@/lib/schemas/template";
import { newItem } from "@/lib/domain/templates/edit-tree";

/** What the "new template" form asks for; the content starts from starterContent. */
export const ZNewTemplate = ZTemplateDocument.pick({ key: true, name: true, level: true });

const COORDINATORS: Record<TemplateLevel, { who: string; caption: string }> = {
  MUNICIPAL: { who: "муниципального координатора", caption: "(наименование МО)" },
  SCHOOL: { who: "школьного координатора", caption: "(наименование МО и БШ)" },
};

/** A new blank shaped like the seed's: its heading, its columns, one section with one item. */
export function starterContent(level: TemplateLevel): TTemplateContent {
  return {
    title: "БЛАНК СООТВЕТСТВИЯ",
    subtitle: `критериям оценки деятельности работы ${COORDINATORS[level].who} _____`,
    subjectCaption: COORDINATORS[level].caption,
    columns: {
      number: "№ п/п",
      name: "Наименование документа",
      value: "Реквизиты документа",
      match: "Соответствие официальным данным",
    },
    gradeBands: { compliant: 90, partial: 70 },
    items: [
      newItem({
        number: "1.",
        title: "Новый раздел",
        kind: "SECTION",
        children: [newItem({ number: "1.1", title: "Новый пункт" })],
      }),
    ],
  };
}
