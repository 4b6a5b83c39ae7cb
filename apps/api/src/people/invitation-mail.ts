/**
 * Mails the one-time link when SMTP_URL is set (nodemailer). A mail that cannot be sent does
 * not undo the invitation: the manager still has the link on screen. The link is never logged.
 */
import { Inject, Injectable, type OnModuleDestroy } from '@nestjs/common';
import { logError } from '../http/request-log.js';
import { PEOPLE_SETTINGS } from './people-settings.js';
import { smtpTransport, type SmtpTransport } from './smtp-transport.js';
import type { PeopleConfig } from './people-config.js';
import type { IssuedLink, LinkPurpose } from './access-links.js';

export interface LinkMail {
  to: string;
  name: string;
  organisationName: string;
  purpose: LinkPurpose;
  link: IssuedLink;
}

@Injectable()
export class InvitationMail implements OnModuleDestroy {
  private readonly transport: SmtpTransport | null;

  constructor(@Inject(PEOPLE_SETTINGS) private readonly config: PeopleConfig) {
    this.transport = smtpTransport(config.smtpUrl);
  }

  /** SMTP_URL is set: links can reach people without passing through anyone else's hands. */
  get configured(): boolean {
    return this.transport !== null;
  }

  /** True when a mail was handed to the SMTP server. */
  async send(mail: LinkMail): Promise<boolean> {
    if (!this.transport) return false;
    const subject =
      mail.purpose === 'invitation' ? `${mail.organisationName} invites you to Zairyu Ledger` : 'Set a new password for Zairyu Ledger';
    const text = [
      `Hello ${mail.name},`,
      '',
      mail.purpose === 'invitation'
        ? `${mail.organisationName} has invited you to its caseload in Zairyu Ledger.`
        : `A manager of ${mail.organisationName} has reset your access to Zairyu Ledger.`,
      'Open this link to set your password. It works once, until ' + mail.link.expiresAt + ' (UTC):',
      '',
      mail.link.url,
      '',
      'If you did not expect this mail, ignore it.',
    ].join('\n');
    try {
      await this.transport.sendMail({ from: this.config.mailFrom, to: mail.to, subject, text });
      return true;
    } catch (error) {
      logError(new Error(`invitation mail not sent: ${error instanceof Error ? error.message : 'unknown error'}`));
      return false;
    }
  }

  onModuleDestroy(): void {
    this.transport?.close();
  }
}
