/** The signed-in person's own account: who they are, their sessions, their second factor. */
import { Body, Controller, Delete, Get, HttpCode, Inject, Param, Post, Req } from '@nestjs/common';
import { ApiBody, ApiCookieAuth, ApiExtraModels, ApiOperation, ApiTags, getSchemaPath } from '@nestjs/swagger';
import type pg from 'pg';
import { AllowedBeforeTotp, Caller, type AuthenticatedRequest } from '../auth/access.decorators.js';
import type { OrganisationCaller, Principal, SignedInUser } from '../auth/principal.js';
import { PG_POOL } from '../bootstrap/tokens.js';
import { Failure, invalidInput, notFound, notPermitted, tooManyTries } from '../failures/failure.js';
import { isUuid } from '../http/query-params.js';
import { checkBody } from '../http/check-body.js';
import { TotpCodeDto } from './people.dto.js';
import { SecondFactor } from './second-factor.js';
import { SecurityLog } from './security-log.js';
import { csrfTokenOf } from '../auth/session-cookie.js';
import { SessionStore } from './session-store.js';
import { SignInThrottle } from './sign-in-throttle.js';
import { ApiAnswer, ApiNoContent } from '../openapi/api-answer.decorator.js';
import { ALWAYS, ApiProblems, AUTHENTICATED, WITH_BODY } from '../openapi/api-problems.decorator.js';

type Person = OrganisationCaller & { user: SignedInUser };

function person(caller: Principal): Person {
  if (caller.kind !== 'key' || !caller.user) throw notPermitted('This is about a signed-in person; an API key has no account.');
  return caller as Person;
}

function code(body: unknown): string {
  const checked = checkBody(TotpCodeDto, body);
  if (checked.errors.length > 0) throw invalidInput('The code is not valid.', checked.errors);
  return checked.value.code.trim();
}

const wrongCode = () => new Failure('REFUSED', 'The code is not right; try the current one.', { code: 'TOTP_CODE_WRONG' });

@ApiTags('session')
@ApiCookieAuth()
@ApiExtraModels(TotpCodeDto)
@Controller('v1/me')
@AllowedBeforeTotp()
export class MeController {
  constructor(
    @Inject(PG_POOL) private readonly pool: pg.Pool,
    private readonly sessions: SessionStore,
    private readonly secondFactor: SecondFactor,
    private readonly log: SecurityLog,
    private readonly throttle: SignInThrottle,
  ) {}

  @Get()
  @ApiOperation({ summary: 'Who is signed in, and the CSRF token for writes with the cookie' })
  @ApiAnswer(200, 'Me', 'The signed-in person.')
  @ApiProblems(ALWAYS, AUTHENTICATED)
  async me(@Caller() caller: Principal, @Req() request: AuthenticatedRequest) {
    const me = person(caller);
    const { rows } = await this.pool.query<{ email: string; totp_on: boolean; require_totp: boolean }>(
      `SELECT u.email, u.totp_secret IS NOT NULL AS totp_on, o.require_totp FROM platform.app_user u
         JOIN platform.organisation o ON o.id = u.organisation_id WHERE u.id = $1`,
      [me.user.id],
    );
    const row = rows[0]!;
    return {
      id: me.user.id,
      name: me.user.name,
      email: row.email,
      role: me.role,
      organisationId: me.organisationId,
      csrfToken: request.sessionSecret ? csrfTokenOf(request.sessionSecret) : null,
      totpEnabled: row.totp_on,
      totpRequired: row.require_totp,
      recoveryCodesLeft: row.totp_on ? await this.secondFactor.remainingRecoveryCodes(me.user.id) : 0,
    };
  }

  @Get('sessions')
  @ApiOperation({ summary: 'My live sessions (`current` marks this one)' })
  @ApiAnswer(200, 'MySessions', 'My live sessions.')
  @ApiProblems(ALWAYS, AUTHENTICATED)
  async mySessions(@Caller() caller: Principal) {
    const me = person(caller);
    return (await this.sessions.list(me.user.id)).map((session) => ({ ...session, current: session.id === me.user.sessionId }));
  }

  @Delete('sessions/:sessionId')
  @HttpCode(204)
  @ApiOperation({ summary: 'End one of my sessions (e.g. on a lost phone)' })
  @ApiNoContent('Ended.')
  @ApiProblems(ALWAYS, AUTHENTICATED, 404)
  async endSession(@Caller() caller: Principal, @Param('sessionId') sessionId: string) {
    const me = person(caller);
    if (!isUuid(sessionId) || !(await this.sessions.end(me.user.id, sessionId))) throw notFound('Session');
  }

  @Post('totp')
  @HttpCode(201)
  @ApiOperation({ summary: 'Start TOTP enrolment: the secret and otpauth:// URL, shown this once; confirm with a code' })
  @ApiAnswer(201, 'TotpEnrolment', 'The secret to confirm with a code.')
  @ApiProblems(ALWAYS, AUTHENTICATED, { status: 409, codes: ['TOTP_ALREADY_ON'] })
  async beginTotp(@Caller() caller: Principal) {
    const me = person(caller);
    const { rows } = await this.pool.query<{ email: string; on: boolean }>(
      'SELECT email, totp_secret IS NOT NULL AS on FROM platform.app_user WHERE id = $1',
      [me.user.id],
    );
    if (rows[0]!.on) throw new Failure('CONFLICT', 'TOTP is already on; turn it off first.', { code: 'TOTP_ALREADY_ON' });
    return this.secondFactor.beginEnrolment(me.user.id, rows[0]!.email);
  }

  @Post('totp/confirm')
  @HttpCode(200)
  @ApiOperation({ summary: 'Turn TOTP on with a current code; returns the recovery codes, shown this once' })
  @ApiBody({ schema: { $ref: getSchemaPath(TotpCodeDto) } })
  @ApiAnswer(200, 'RecoveryCodes', 'TOTP is on; the recovery codes, shown this once.')
  @ApiProblems(ALWAYS, AUTHENTICATED, WITH_BODY, { status: 422, codes: ['TOTP_CODE_WRONG'] })
  async confirmTotp(@Caller() caller: Principal, @Body() body: unknown, @Req() request: AuthenticatedRequest) {
    const me = person(caller);
    const given = code(body);
    await this.takeCodeTry(me);
    const codes = await this.secondFactor.confirmEnrolment(me.user.id, given);
    if (!codes) throw wrongCode();
    await this.throttle.codeRight(me.user.id);
    await this.log.record({
      organisationId: me.organisationId,
      kind: 'totp_enabled',
      actor: me,
      address: request.ip,
      subject: `user:${me.user.id}`,
    });
    return { recoveryCodes: codes };
  }

  @Post('recovery-codes')
  @HttpCode(200)
  @ApiOperation({ summary: 'New recovery codes (the old ones stop working), with a current TOTP code' })
  @ApiBody({ schema: { $ref: getSchemaPath(TotpCodeDto) } })
  @ApiAnswer(200, 'RecoveryCodes', 'The new recovery codes, shown this once.')
  @ApiProblems(ALWAYS, AUTHENTICATED, WITH_BODY, { status: 409, codes: ['TOTP_NOT_ON'] }, { status: 422, codes: ['TOTP_CODE_WRONG'] })
  async newRecoveryCodes(@Caller() caller: Principal, @Body() body: unknown) {
    const me = person(caller);
    await this.checkCurrentCode(me, code(body));
    return { recoveryCodes: await this.secondFactor.replaceRecoveryCodes(me.user.id) };
  }

  @Delete('totp')
  @HttpCode(204)
  @ApiOperation({ summary: 'Turn TOTP off, with a current code (refused while the organisation requires it)' })
  @ApiBody({ schema: { $ref: getSchemaPath(TotpCodeDto) } })
  @ApiNoContent('TOTP is off.')
  @ApiProblems(
    ALWAYS,
    AUTHENTICATED,
    WITH_BODY,
    { status: 409, codes: ['TOTP_NOT_ON'] },
    { status: 422, codes: ['TOTP_CODE_WRONG', 'TOTP_REQUIRED_BY_ORGANISATION'] },
  )
  async turnOffTotp(@Caller() caller: Principal, @Body() body: unknown, @Req() request: AuthenticatedRequest) {
    const me = person(caller);
    await this.checkCurrentCode(me, code(body));
    const { rows } = await this.pool.query<{ require_totp: boolean }>('SELECT require_totp FROM platform.organisation WHERE id = $1', [
      me.organisationId,
    ]);
    if (rows[0]!.require_totp) throw new Failure('REFUSED', 'Your organisation requires TOTP.', { code: 'TOTP_REQUIRED_BY_ORGANISATION' });
    await this.secondFactor.turnOff(me.user.id);
    await this.log.record({
      organisationId: me.organisationId,
      kind: 'totp_disabled',
      actor: me,
      address: request.ip,
      subject: `user:${me.user.id}`,
    });
  }

  private async checkCurrentCode(me: Person, given: string): Promise<void> {
    const { rows } = await this.pool.query<{ secret: string | null }>('SELECT totp_secret AS secret FROM platform.app_user WHERE id = $1', [
      me.user.id,
    ]);
    const secret = rows[0]?.secret;
    if (!secret) throw new Failure('CONFLICT', 'TOTP is not on.', { code: 'TOTP_NOT_ON' });
    await this.takeCodeTry(me);
    if (!(await this.secondFactor.acceptCode(me.user.id, secret, given))) throw wrongCode();
    await this.throttle.codeRight(me.user.id);
  }

  /** A stolen session must not guess its way to turning TOTP off: codes are counted like sign-in tries, before they are checked. */
  private async takeCodeTry(me: Person): Promise<void> {
    const wait = await this.throttle.tryCode(me.user.id);
    if (wait > 0) throw tooManyTries('Too many codes were tried; wait before the next one.', wait);
  }
}
