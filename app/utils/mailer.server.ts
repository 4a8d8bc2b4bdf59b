import nodemailer, { type Transporter } from "nodemailer";

// Email through the SMTP server in SMTP_URL (e.g. smtp://user:pass@mail.example.com:587).
// Without it Upstream notifies in the app only. MAIL_FROM is the sender; APP_URL the address
// links in emails point at.

let transport: Transporter | null | undefined;
let transportFor = "";

function transporter(): Transporter | null {
  const url = process.env.SMTP_URL ?? "";
  if (transport !== undefined && transportFor === url) return transport;
  transportFor = url;
  transport = url ? nodemailer.createTransport(url) : null;
  return transport;
}

export const emailEnabled = () => Boolean(process.env.SMTP_URL);
export const appUrl = () => (process.env.APP_URL || "http://localhost:3000").replace(/\/+$/, "");

/** Sends one email; false when email is not configured or the server refused it (logged). */
export async function sendMail(to: string, mail: { subject: string; text: string }): Promise<boolean> {
  const t = transporter();
  if (!t) return false;
  try {
    await t.sendMail({ from: process.env.MAIL_FROM || "Upstream <upstream@localhost>", to, subject: mail.subject, text: mail.text });
    return true;
  } catch (error) {
    console.error("Sending an email failed:", error instanceof Error ? error.message : error);
    return false;
  }
}
