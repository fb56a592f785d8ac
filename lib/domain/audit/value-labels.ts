/** Russian names of the stored codes that have no list or form of their own to name them. Pure. */
import type { DocumentStatus, FileOwnerKind, OrganizationKind, TemplateVersionStatus } from "@/lib/generated/prisma/enums";

export const ORGANIZATION_KIND_LABELS: Record<OrganizationKind, string> = {
  SCHOOL: "школа",
  REGIONAL_CENTER: "региональный центр",
  MUNICIPAL_CENTER: "муниципальный центр",
  EDUCATION_AUTHORITY: "орган управления образованием",
};

export const TEMPLATE_VERSION_STATUS_LABELS: Record<TemplateVersionStatus, string> = {
  DRAFT: "черновик",
  PUBLISHED: "опубликована",
};

export const DOCUMENT_STATUS_LABELS: Record<DocumentStatus, string> = {
  IN_FORCE: "действует",
  SUPERSEDED: "заменён",
};

export const FILE_OWNER_KIND_LABELS: Record<FileOwnerKind, string> = {
  BLANK: "бланк",
  DOCUMENT: "документ реестра",
  DOT_STUDENT: "карточка обучающегося",
  FINDING: "замечание",
  REPORT_JOB: "отчёт",
  REPORT_LOGO: "логотип бланка отчётов",
};
