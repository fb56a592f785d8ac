import type { Metadata } from "next";
import { PageTitle } from "@/components/shell/page-title";
import { CardReadLog } from "@/components/students/card-read-log";
import { EraseStudentButton } from "@/components/students/erase-student-button";
import { StudentDetails } from "@/components/students/student-details";
import { StudentForm } from "@/components/students/student-form";
import { Badge } from "@/components/ui/badge";
import { Card, CardTitle } from "@/components/ui/card";
import { ALL_ROLES } from "@/lib/roles";
import { requireScope } from "@/lib/server/auth/with-scope";
import { idParam, orNotFound } from "@/lib/server/http/params";
import { getStudent } from "@/lib/server/students/get-student";
import { listStudentCardReads } from "@/lib/server/students/list-student-card-reads";
import { listStudentFormOptions } from "@/lib/server/students/list-student-form-options";

// The browser's title and history never hold the child's name.
export const metadata: Metadata = { title: "Карточка обучающегося" };

/**
 * Every role may ask; only the school's coordinator and the region's auditor get
 * the card (each read logged), everyone else the 404 page, as for a missing record.
 */
export default async function StudentCardPage(props: { params: Promise<{ id: string }> }) {
  const scope = await requireScope({ role: ALL_ROLES });
  const { id } = await props.params;
  const card = await orNotFound(() => getStudent({ scope, id: idParam(id) }));
  const [reads, options] = await Promise.all([
    orNotFound(() => listStudentCardReads({ scope, studentId: card.id })),
    card.canEdit ? listStudentFormOptions({ scope, organizationId: card.organizationId, schoolYear: card.schoolYear }) : null,
  ]);
  return (
    <>
      <PageTitle
        title={card.fullName}
        subtitle={`Карточка обучающегося с ДОТ · ${card.schoolName} · ${card.schoolYear} учебный год`}
        actions={card.canEdit ? undefined : <Badge>только просмотр</Badge>}
      />
      <Card>
        <CardTitle>Сведения</CardTitle>
        <StudentDetails card={card} />
      </Card>
      {card.canEdit && options && (
        <Card>
          <CardTitle>Изменить карточку</CardTitle>
          <StudentForm
            mode="edit"
            organizationId={card.organizationId}
            studentId={card.id}
            options={options}
            iupFileName={card.iupFile?.name}
            defaults={{
              schoolYear: card.schoolYear,
              fullName: card.fullName,
              birthDate: card.birthDate ?? "",
              grade: card.grade,
              enrolmentOrderId: card.enrolmentOrderId ?? "",
              networkAgreementId: card.networkAgreementId ?? "",
              disabilityConfirmedUntil: card.disabilityConfirmedUntil ?? "",
              iupPresent: card.iupPresent,
              iupFileId: card.iupFileId,
              timetable: card.timetable ?? "",
              teacherIds: card.teachers.map((t) => t.id),
              status: card.status,
              furtherEducation: card.furtherEducation ?? "",
            }}
          />
        </Card>
      )}
      <Card>
        <CardTitle>Кто открывал карточку</CardTitle>
        <CardReadLog reads={reads} />
      </Card>
      {card.canEdit && (
        <Card>
          <CardTitle>Удаление по запросу</CardTitle>
          <EraseStudentButton studentId={card.id} />
        </Card>
      )}
    </>
  );
}
