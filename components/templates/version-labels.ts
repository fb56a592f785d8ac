import type { TemplateVersionStatus } from "@/lib/generated/prisma/enums";

export const VERSION_STATUS_LABELS: Record<TemplateVersionStatus, string> = {
  DRAFT: "черновик",
  PUBLISHED: "опубликована",
};

/** Dates as the region reads them: Moscow time, whatever the server's zone. */
export const formatDate = (date: Date) => date.toLocaleDateString("ru-RU", { timeZone: "Europe/Moscow" });
