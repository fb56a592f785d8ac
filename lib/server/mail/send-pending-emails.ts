import "server-only";
import nodemailer from "nodemailer";
import { env } from "@/lib/env";
import { db } from "@/lib/server/db/client";

/**
 * Sends the in-app notifications by e-mail as well when SMTP_URL is configured;
 * without it nothing happens. Each notification is e-mailed once.
 */
export async function sendPendingEmails(options: { appUrl?: string } = {}): Promise<{ emailed: number }> {
  const { SMTP_URL, MAIL_FROM, NEXTAUTH_URL } = env();
  if (!SMTP_URL) return { emailed: 0 };
  const transport = nodemailer.createTransport(SMTP_URL);
  const pending = await db().notification.findMany({
    where: { emailedAt: null },
    orderBy: { createdAt: "asc" },
    take: 500,
    include: { user: { select: { email: true } } },
  });
  const base = options.appUrl ?? NEXTAUTH_URL ?? "";
  let emailed = 0;
  for (const note of pending) {
    await transport.sendMail({
      from: MAIL_FROM,
      to: note.user.email,
      subject: `Методаудит: ${note.title}`,
      text: `${note.body}\n\n${note.link ? base + note.link : ""}`.trim(),
    });
    await db().notification.update({ where: { id: note.id }, data: { emailedAt: new Date() } });
    emailed++;
  }
  return { emailed };
}
