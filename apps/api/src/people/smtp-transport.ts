/**
 * nodemailer's transport for SMTP_URL, loaded with the first mail: an API that sends none (no
 * SMTP_URL, or none due yet) never loads the library, 2 MB of heap and more of resident memory.
 */
import type { SendMailOptions, Transporter } from 'nodemailer';

export class SmtpTransport {
  private transport: Promise<Transporter> | null = null;

  constructor(private readonly url: string) {}

  async sendMail(mail: SendMailOptions): Promise<void> {
    this.transport ??= import('nodemailer').then((nodemailer) => nodemailer.default.createTransport(this.url));
    await (await this.transport).sendMail(mail);
  }

  close(): void {
    // A transport that never loaded has nothing to close; its failure was the failed mail's.
    void this.transport?.then(
      (transport) => transport.close(),
      () => undefined,
    );
  }
}

/** The transport for `url`, or null when no SMTP server is configured. */
export function smtpTransport(url: string | null): SmtpTransport | null {
  return url ? new SmtpTransport(url) : null;
}
