import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/server/db/client";
import { sendPendingEmails } from "@/lib/server/mail/send-pending-emails";
import { sendDeadlineReminders } from "@/lib/server/notifications/send-deadline-reminders";
import { buildCampaignWorld, type CampaignWorld } from "../support/campaign";
import { startSmtpSink } from "../support/smtp-sink";
import { useTestDatabase } from "../support/test-database";
import { submitBlank } from "../support/operations";

useTestDatabase();

let w: CampaignWorld;
let sink: Awaited<ReturnType<typeof startSmtpSink>>;
beforeAll(async () => {
  sink = await startSmtpSink();
  vi.stubEnv("SMTP_URL", sink.url);
  vi.stubEnv("MAIL_FROM", "Методаудит <audit@iro23.test>");
  w = await buildCampaignWorld("rem");
});
afterAll(async () => {
  vi.unstubAllEnvs();
  await sink.close();
});

// The campaign's deadline is 2022-11-25 (Moscow noon is well inside that day everywhere in Russia).
const at = (date: string) => new Date(`${date}T09:00:00+03:00`);
const notesOf = (userId: string) => db().notification.findMany({ where: { userId }, orderBy: { createdAt: "asc" } });

describe("deadline reminders", () => {
  it("send nothing earlier than a week before the deadline", async () => {
    expect(await sendDeadlineReminders({ now: at("2022-11-10") })).toEqual({ sent: 0 });
  });

  it("remind every participant that has not submitted, 7 days before, once", async () => {
    const a2 = await w.blankOf(w.t.a2.id);
    await submitBlank({ scope: w.moA2.scope, input: { blankId: a2.id, version: a2.version } });
    expect(await sendDeadlineReminders({ now: at("2022-11-18") })).toEqual({ sent: 2 });
    expect(await sendDeadlineReminders({ now: at("2022-11-19") })).toEqual({ sent: 0 });
    const [note] = await notesOf(w.moA1.user.id);
    expect(note).toMatchObject({ title: "Через неделю срок сдачи бланка" });
    expect(note!.body).toContain("Срок сдачи: 25.11.2022");
    expect(await notesOf(w.moA2.user.id)).toEqual([]);
    expect((await notesOf(w.schoolA1.user.id)).map((n) => n.title)).toEqual(["Через неделю срок сдачи бланка"]);
  });

  it("remind again the day before", async () => {
    expect(await sendDeadlineReminders({ now: at("2022-11-24") })).toEqual({ sent: 2 });
    expect((await notesOf(w.moA1.user.id)).map((n) => n.title)).toEqual(["Через неделю срок сдачи бланка", "Завтра срок сдачи бланка"]);
    expect(await sendDeadlineReminders({ now: at("2022-11-26") })).toEqual({ sent: 0 });
  });

  it("go out by e-mail too when SMTP is configured, each once", async () => {
    const { emailed } = await sendPendingEmails({ appUrl: "https://audit.example" });
    expect(emailed).toBe(4);
    expect(sink.mails).toHaveLength(4);
    const toMo = sink.mails.filter((m) => m.to.includes(w.moA1.user.email));
    expect(toMo).toHaveLength(2);
    expect(toMo[0]!.data).toContain("audit@iro23.test");
    expect(await sendPendingEmails()).toEqual({ emailed: 0 });
  });
});
