import "server-only";
import { earliestLocalToday } from "@/lib/dates";
import type { Prisma } from "@/lib/generated/prisma/client";
import { batchesOf, pageOf, type ListSource, type Page } from "@/lib/paging";
import { type Scope, tenantWhere } from "@/lib/scope";
import { ITEM_STATUS_LABELS, type ItemStatus, type Severity } from "@/lib/domain/scoring/statuses";
import { isOverdue, UNRESOLVED_STATUSES, type RemediationStatus, type TFindingListQuery } from "@/lib/schemas/finding";
import { db } from "@/lib/server/db/client";
import { findingWhere } from "./finding-access";

export interface FindingRow {
  id: string;
  blankId: string;
  campaignId: string;
  campaignName: string;
  /** The blank's template: which blank the finding comes from. */
  templateName: string;
  participant: string;
  municipalityName: string;
  itemNumber: string;
  itemTitle: string;
  status: string;
  statusLabel: string;
  severity: Severity;
  /** The item's legal basis as scoring found it (its own or its section's); "" when the template gives none. */
  legalBasis: string;
  /** The auditor's comment when marking the item, if any. */
  remark: string | null;
  deadline: string;
  overdue: boolean;
  responsible: string | null;
  remediationStatus: RemediationStatus;
}

/** The item status's label; a status unknown to this version of the app is shown as stored. */
export const itemStatusLabel = (status: string) => ITEM_STATUS_LABELS[status as ItemStatus] ?? status;

interface ListOptions {
  scope: Scope;
  query: TFindingListQuery;
  /** "YYYY-MM-DD" that counts as today for "overdue" (tests); the westernmost local date by default. */
  today?: string;
  /** Leave out the auditor's remarks (one query less): for a list that does not show them (the homes' card). */
  withoutRemarks?: boolean;
  /** Count the list only when the first page is full (see pageOf). */
  countWhenFull?: boolean;
}

/** Findings the caller may see, paged, sorted and filtered in the database. */
export async function listFindings(options: ListOptions): Promise<Page<FindingRow>> {
  const { query } = options;
  return pageOf(findingsSource(options, query), query, { countWhenFull: options.countWhenFull });
}

/** The same list, every row, in batches: what its export writes. */
export function iterateFindings(options: ListOptions & { batchSize?: number }) {
  return batchesOf(findingsSource(options, options.query), options.batchSize);
}

function findingsSource(options: ListOptions, query: TFindingListQuery): ListSource<FindingRow> {
  const today = options.today ?? earliestLocalToday();
  const filters: Prisma.FindingWhereInput[] = [findingWhere(options.scope)];
  if (query.campaignId) filters.push({ campaignId: query.campaignId });
  if (query.municipalityId) filters.push({ municipalityId: query.municipalityId });
  if (query.blankId) filters.push({ blankId: query.blankId });
  if (query.unresolved) filters.push({ remediationStatus: { in: [...UNRESOLVED_STATUSES] } });
  if (query.remediationStatus) filters.push({ remediationStatus: query.remediationStatus });
  if (query.severity) filters.push({ severity: query.severity });
  if (query.overdue) filters.push({ remediationStatus: { in: [...UNRESOLVED_STATUSES] }, deadline: { lt: new Date(today) } });
  if (query.q) {
    filters.push({
      OR: [
        { itemTitle: { contains: query.q, mode: "insensitive" } },
        { itemNumber: { startsWith: query.q } },
        { blank: { municipality: { name: { contains: query.q, mode: "insensitive" } } } },
        { blank: { organization: { name: { contains: query.q, mode: "insensitive" } } } },
      ],
    });
  }
  const where = { AND: filters };
  const orderBy: Prisma.FindingOrderByWithRelationInput[] = {
    deadline: [{ deadline: query.dir }],
    participant: [{ blank: { municipality: { name: query.dir } } }, { blank: { organization: { name: query.dir } } }],
    item: [{ itemNumber: query.dir }],
    severity: [{ severity: query.dir }],
    remediationStatus: [{ remediationStatus: query.dir }],
  }[query.sort];
  return {
    count: () => db().finding.count({ where }),
    read: async (window) => {
      const rows = await db().finding.findMany({
        where,
        orderBy: [...orderBy, { itemNumber: "asc" }, { id: "asc" }],
        ...window,
        select: {
          id: true,
          blankId: true,
          itemKey: true,
          itemNumber: true,
          itemTitle: true,
          status: true,
          severity: true,
          legalBasis: true,
          deadline: true,
          responsible: true,
          remediationStatus: true,
          blank: {
            select: {
              campaign: { select: { id: true, name: true } },
              templateVersion: { select: { template: { select: { name: true } } } },
              municipality: { select: { name: true } },
              organization: { select: { name: true } },
            },
          },
        },
      });
      const remarkOf = options.withoutRemarks ? () => null : await remarksOf(options.scope, rows);
      return rows.map((f) => {
        const deadline = f.deadline.toISOString().slice(0, 10);
        return {
          id: f.id,
          blankId: f.blankId,
          campaignId: f.blank.campaign.id,
          campaignName: f.blank.campaign.name,
          templateName: f.blank.templateVersion.template.name,
          participant: f.blank.organization ? `${f.blank.organization.name} (${f.blank.municipality.name})` : f.blank.municipality.name,
          municipalityName: f.blank.municipality.name,
          itemNumber: f.itemNumber,
          itemTitle: f.itemTitle,
          status: f.status,
          statusLabel: itemStatusLabel(f.status),
          severity: f.severity,
          legalBasis: f.legalBasis,
          remark: remarkOf(f),
          deadline,
          overdue: isOverdue({ deadline, remediationStatus: f.remediationStatus }, today),
          responsible: f.responsible,
          remediationStatus: f.remediationStatus,
        };
      });
    },
  };
}

/**
 * The auditor's comment on each finding's item, looked up by the finding: the
 * remark kept with the answer when the item was marked. The findings were read in
 * the caller's scope; their answers are read in it too.
 */
export async function remarksOf(scope: Scope, findings: FindingItem[]): Promise<(finding: FindingItem) => string | null> {
  if (findings.length === 0) return () => null;
  const answers = await db().answer.findMany({
    where: {
      blank: tenantWhere<Prisma.BlankWhereInput>(scope),
      OR: findings.map((f) => ({ blankId: f.blankId, itemKey: f.itemKey })),
      markComment: { not: null },
    },
    select: { blankId: true, itemKey: true, markComment: true },
  });
  const key = (f: FindingItem) => `${f.blankId}/${f.itemKey}`;
  const remarks = new Map(answers.flatMap((a) => (a.markComment?.trim() ? [[key(a), a.markComment.trim()] as const] : [])));
  return (finding) => remarks.get(key(finding)) ?? null;
}

type FindingItem = { blankId: string; itemKey: string };
