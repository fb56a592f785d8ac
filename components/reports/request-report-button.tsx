"use client";

import Link from "next/link";
import { useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { REPORT_FORMAT_LABELS, REPORT_FORMATS, type ReportFormat, type ReportKind } from "@/lib/domain/reports/report-kinds";

type State = { step: "idle" } | { step: "sending" } | { step: "queued" } | { step: "failed"; message: string };

const NETWORK_FAILURE = "Не удалось поставить отчёт в очередь: сервер не ответил. Попробуйте ещё раз.";

/**
 * Asks for a report to be built in the background, as a PDF or as a DOCX; the
 * user follows it, and downloads it, in «Мои отчёты». Pressing again while it
 * runs gives the same job.
 */
export function RequestReportButton({ kind, id }: { kind: ReportKind; id: string }) {
  const [state, setState] = useState<State>({ step: "idle" });

  async function request(format: ReportFormat) {
    setState({ step: "sending" });
    const response = await fetch("/api/reports/jobs", {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ kind, id, format }),
    }).catch(() => null);
    if (response?.status === 202) return setState({ step: "queued" });
    const answer = (await response?.json().catch(() => null)) as { error?: { message?: string } } | null;
    setState({ step: "failed", message: answer?.error?.message ?? NETWORK_FAILURE });
  }

  return (
    <div className="flex flex-wrap items-center gap-3">
      {REPORT_FORMATS.map((format) => (
        <Button key={format} type="button" variant="outline" onClick={() => void request(format)} disabled={state.step === "sending"}>
          Сформировать {REPORT_FORMAT_LABELS[format]} в фоне
        </Button>
      ))}
      <p role="status" className="text-sm">
        {state.step === "queued" && (
          <>
            Отчёт формируется…{" "}
            <Link href="/reports" className="text-primary underline">
              Мои отчёты
            </Link>
          </>
        )}
      </p>
      {state.step === "failed" && <Alert>{state.message}</Alert>}
    </div>
  );
}
