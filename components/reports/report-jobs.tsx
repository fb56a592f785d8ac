"use client";

import Link from "next/link";
import { useEffect, useRef, useState } from "react";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { cn } from "@/components/ui/cn";
import { pageCount, type Page } from "@/lib/paging";
import type { ReportJobView } from "@/lib/server/reports/report-job-view";

/** How often the list is asked again while a report waits or runs. */
const POLL_MS = 1500;

const STATUS: Record<ReportJobView["status"], { label: string; tone: string }> = {
  QUEUED: { label: "В очереди", tone: "border-slate-400 text-slate-700" },
  RUNNING: { label: "Формируется", tone: "border-blue-600 text-blue-800" },
  DONE: { label: "Готов", tone: "border-green-700 text-green-800" },
  FAILED: { label: "Ошибка", tone: "border-red-700 text-red-800" },
};

const MOSCOW = { timeZone: "Europe/Moscow" } as const;
const when = (iso: string) => new Date(iso).toLocaleString("ru-RU", { ...MOSCOW, dateStyle: "short", timeStyle: "short" });
const day = (iso: string) => new Date(iso).toLocaleDateString("ru-RU", MOSCOW);

const isActive = (job: ReportJobView) => job.status === "QUEUED" || job.status === "RUNNING";

/** What a screen reader hears when a report of the list finishes. */
function announcementFor(job: ReportJobView): string | null {
  if (job.status === "DONE") return `Отчёт «${job.title}» готов.`;
  if (job.status === "FAILED") return `Отчёт «${job.title}» не сформирован.`;
  return null;
}

/**
 * The user's background reports with their state. While one of them waits or
 * runs, the page asks the server again every 1.5 s; finished reports end the polling.
 */
export function ReportJobs({ initial }: { initial: Page<ReportJobView> }) {
  const [page, setPage] = useState(initial);
  const [announcement, setAnnouncement] = useState("");
  const [stale, setStale] = useState(false);
  const previous = useRef(new Map(initial.rows.map((job) => [job.id, job.status])));
  const polling = page.rows.some(isActive);

  // biome-ignore lint/correctness/useExhaustiveDependencies: `stale` toggles after a failed poll, to poll again
  useEffect(() => {
    if (!polling) return;
    let cancelled = false;
    const timer = setTimeout(async () => {
      const response = await fetch(`/api/reports/jobs?page=${page.page}&pageSize=${page.pageSize}`, { cache: "no-store" }).catch(
        () => null,
      );
      const next = response?.ok ? ((await response.json().catch(() => null)) as Page<ReportJobView> | null) : null;
      if (cancelled) return;
      // A failed poll keeps the last answer and tries again (setting `stale` re-runs this effect).
      if (!next) return setStale((value) => !value);
      const finished = next.rows.filter((job) => previous.current.get(job.id) !== job.status).map(announcementFor);
      previous.current = new Map(next.rows.map((job) => [job.id, job.status]));
      const said = finished.filter((line): line is string => line !== null).join(" ");
      if (said) setAnnouncement(said);
      setPage(next);
    }, POLL_MS);
    return () => {
      cancelled = true;
      clearTimeout(timer);
    };
  }, [polling, page, stale]);

  return (
    <Card aria-labelledby="report-jobs-title">
      <h2 id="report-jobs-title" className="sr-only">
        Список отчётов
      </h2>
      <p role="status" aria-live="polite" className="sr-only">
        {announcement}
      </p>
      {page.rows.length === 0 ? (
        <p className="text-muted-foreground">
          Отчётов пока нет. Сформировать отчёт в фоне можно, например, на странице результатов кампании.
        </p>
      ) : (
        <ul className="divide-y divide-border">
          {page.rows.map((job) => (
            <ReportJobItem key={job.id} job={job} />
          ))}
        </ul>
      )}
      <Pager page={page} />
    </Card>
  );
}

function ReportJobItem({ job }: { job: ReportJobView }) {
  const titleId = `report-${job.id}-title`;
  const stageId = `report-${job.id}-stage`;
  const status = STATUS[job.status];
  return (
    <li className="space-y-2 py-4">
      <div className="flex flex-wrap items-start justify-between gap-2">
        <div>
          <h3 id={titleId} className="font-semibold">
            {job.title}
          </h3>
          <p className="text-sm text-muted-foreground">
            {job.kindLabel} · {job.formatLabel} · запрошен <time dateTime={job.createdAt}>{when(job.createdAt)}</time>
          </p>
        </div>
        <Badge className={cn("bg-background", status.tone)}>{status.label}</Badge>
      </div>

      {isActive(job) && (
        <div className="flex flex-wrap items-center gap-3 text-sm">
          <progress
            className="h-2 w-64 max-w-full accent-primary"
            max={100}
            // Waiting: no value, so the bar says "not started yet" rather than 0 %.
            value={job.status === "RUNNING" ? job.progress : undefined}
            aria-label={`Готовность отчёта «${job.title}»`}
            aria-describedby={stageId}
          />
          <span id={stageId}>
            {job.status === "RUNNING" ? `${job.progress} %${job.stage ? ` · ${job.stage}` : ""}` : job.stage || "Ожидает начала"}
          </span>
        </div>
      )}

      {job.status === "DONE" &&
        (job.downloadUrl ? (
          <div className="flex flex-wrap items-center gap-3 text-sm">
            <Button asChild size="sm">
              <a href={job.downloadUrl} download={job.fileName ?? undefined}>
                Скачать {job.formatLabel}
              </a>
            </Button>
            {job.expiresAt && <span className="text-muted-foreground">Файл хранится до {day(job.expiresAt)}</span>}
          </div>
        ) : (
          <p className="text-sm text-muted-foreground">
            Срок хранения файла истёк{job.expiresAt && ` ${day(job.expiresAt)}`}. Сформируйте отчёт заново, если он нужен.
          </p>
        ))}

      {job.status === "FAILED" && <p className="text-sm text-destructive">{job.error ?? "Отчёт не сформирован."}</p>}
    </li>
  );
}

function Pager({ page }: { page: Page<ReportJobView> }) {
  const pages = pageCount(page);
  if (pages <= 1) return null;
  return (
    <nav aria-label="Страницы списка отчётов" className="mt-4 flex items-center gap-4 text-sm">
      {page.page > 1 && (
        <Link href={`/reports?page=${page.page - 1}`} className="text-primary underline">
          Новее
        </Link>
      )}
      <span>
        Страница {page.page} из {pages}
      </span>
      {page.page < pages && (
        <Link href={`/reports?page=${page.page + 1}`} className="text-primary underline">
          Старее
        </Link>
      )}
    </nav>
  );
}
