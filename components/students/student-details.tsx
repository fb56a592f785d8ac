import Link from "next/link";
import { formatDate } from "@/lib/dates";
import { describeRequisites } from "@/lib/schemas/document";
import { FURTHER_EDUCATION_LABELS, STUDENT_STATUS_LABELS } from "@/lib/schemas/student";
import type { StudentCard } from "@/lib/server/students/get-student";

/** The card's fields, read-only (the auditor's view, and the coordinator's summary). */
export function StudentDetails({ card }: { card: StudentCard }) {
  const doc = (d: StudentCard["enrolmentOrder"]) =>
    d ? (
      <Link className="text-primary underline" href={`/documents/${d.id}`}>
        {describeRequisites(d)}
      </Link>
    ) : (
      "—"
    );
  return (
    <dl className="grid gap-x-6 gap-y-2 sm:grid-cols-[16rem_1fr]">
      <dt className="font-medium">ФИО или инициалы</dt>
      <dd>{card.fullName}</dd>
      <dt className="font-medium">Школа</dt>
      <dd>
        {card.schoolName}, {card.municipalityName}
      </dd>
      <dt className="font-medium">Учебный год</dt>
      <dd>{card.schoolYear}</dd>
      <dt className="font-medium">Дата рождения</dt>
      <dd>{formatDate(card.birthDate) || "—"}</dd>
      <dt className="font-medium">Класс</dt>
      <dd>{card.grade}</dd>
      <dt className="font-medium">Приказ о зачислении на обучение с ДОТ</dt>
      <dd>{doc(card.enrolmentOrder)}</dd>
      <dt className="font-medium">Договор о сетевой форме</dt>
      <dd>{doc(card.networkAgreement)}</dd>
      <dt className="font-medium">Инвалидность подтверждена до</dt>
      <dd>{formatDate(card.disabilityConfirmedUntil) || "—"}</dd>
      <dt className="font-medium">ИУП</dt>
      <dd>
        {card.iupPresent ? "есть" : "нет"}
        {card.iupFile && (
          <>
            {" · "}
            <a className="text-primary underline" href={`/api/files/${card.iupFile.id}`}>
              {card.iupFile.name}
            </a>
          </>
        )}
      </dd>
      <dt className="font-medium">Расписание занятий</dt>
      <dd className="whitespace-pre-line">{card.timetable ?? "—"}</dd>
      <dt className="font-medium">Педагоги</dt>
      <dd>{card.teachers.length ? card.teachers.map((t) => `${t.fullName} (${t.subject})`).join(", ") : "—"}</dd>
      <dt className="font-medium">Статус</dt>
      <dd>
        {STUDENT_STATUS_LABELS[card.status]}
        {card.furtherEducation ? ` · ${FURTHER_EDUCATION_LABELS[card.furtherEducation]}` : ""}
      </dd>
    </dl>
  );
}
