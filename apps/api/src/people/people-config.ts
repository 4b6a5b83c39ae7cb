/**
 * How people sign in: session lifetimes, the sign-in throttle, where invitation links point
 * and how they are mailed. Defaults are the (idle 30 min, absolute 12 h); tests pass
 * shorter throttle delays so that a lock-out and its release run in real time.
 */
/** argon2id's cost (passwords.ts): KiB of memory per hash and passes over it. */
export interface PasswordCost {
  memoryCost: number;
  timeCost: number;
}

/** The OWASP Password Storage Cheat Sheet's argon2id parameters: 19 MiB, 2 passes (1 lane). */
export const OWASP_PASSWORD_COST: PasswordCost = { memoryCost: 19_456, timeCost: 2 };

export interface PeopleConfig {
  sessionIdleMinutes: number;
  sessionAbsoluteHours: number;
  /** Sign-in tries checked before delays start, per e-mail address typed and per client address (a burst gets no more). */
  freeFailuresPerAccount: number;
  freeFailuresPerAddress: number;
  /** The first delay; each further failure doubles it, up to `maxDelayMs`. */
  firstDelayMs: number;
  maxDelayMs: number;
  /** Invitation and reset links live this long. */
  linkValidHours: number;
  /** Where the web UI is reached, for the links (empty: links are relative to this server). */
  publicUrl: string;
  /** SMTP server for invitation mail (`smtp://user:pass@host:587`); unset: links are only shown. */
  smtpUrl: string | null;
  mailFrom: string;
  /** argon2id's cost for new password hashes (OWASP's by default; the tests hash cheaply). */
  passwordCost: PasswordCost;
}

export const DEFAULT_PEOPLE_CONFIG: PeopleConfig = {
  sessionIdleMinutes: 30,
  sessionAbsoluteHours: 12,
  freeFailuresPerAccount: 5,
  freeFailuresPerAddress: 20,
  firstDelayMs: 1000,
  maxDelayMs: 15 * 60 * 1000,
  linkValidHours: 72,
  publicUrl: '',
  smtpUrl: null,
  mailFrom: 'Zairyu Ledger <no-reply@localhost>',
  passwordCost: OWASP_PASSWORD_COST,
};

/**
 * SMTP_URL as nodemailer will read it, checked at start: the library is loaded only with the
 * first mail (smtp-transport.ts), and a URL it cannot read would otherwise fail that first
 * invitation, not the start. The message never repeats the URL: it may hold the password.
 */
function smtpUrlFrom(raw: string | undefined): string | null {
  if (!raw) return null;
  const refused = new Error(
    'SMTP_URL must be a URL such as smtps://user:password@mail.example.jp:465 (percent-encode @ : / in the password).',
  );
  let url: URL;
  try {
    url = new URL(raw);
    decodeURIComponent(url.username);
    decodeURIComponent(url.password);
  } catch {
    throw refused;
  }
  if (url.protocol !== 'smtp:' && url.protocol !== 'smtps:') throw refused;
  return raw;
}

export function peopleConfigFrom(env: NodeJS.ProcessEnv): PeopleConfig {
  const number = (name: string, fallback: number) => {
    const value = env[name];
    if (value === undefined || value === '') return fallback;
    const parsed = Number(value);
    if (!Number.isFinite(parsed) || parsed < 0) throw new Error(`${name} must be a non-negative number, not ${value}.`);
    return parsed;
  };
  return {
    ...DEFAULT_PEOPLE_CONFIG,
    firstDelayMs: number('SIGN_IN_DELAY_MS', DEFAULT_PEOPLE_CONFIG.firstDelayMs),
    publicUrl: (env['PUBLIC_URL'] ?? '').replace(/\/+$/, ''),
    smtpUrl: smtpUrlFrom(env['SMTP_URL']),
    mailFrom: env['MAIL_FROM'] || DEFAULT_PEOPLE_CONFIG.mailFrom,
  };
}
