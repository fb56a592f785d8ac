import { ZTemplateContent, ZTemplateDocument, type TTemplateContent } from "@/lib/schemas/template";
import { z } from "@/lib/schemas/z";

/** The draft editor's form: the template's name and the blank's content, as a draft is saved. */
export const ZTemplateEditor = z.object({ name: ZTemplateDocument.shape.name, content: ZTemplateContent });

export interface EditorValues {
  name: string;
  content: TTemplateContent;
}

/** Error lookup by form path ("content.items.0.children.1.title"): item paths change as the tree is edited. */
export interface FormErrors {
  message(path: string): string | undefined;
  any(path: string): boolean;
}

/** Element ids within one item's editor; keys are stable, so focus can follow an item as it moves. */
export const itemFieldId = (key: string, field: string) => `item-${key}-${field}`;
