import { Controller, Get, Inject, Param, Query as QueryParam } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { ApiAnswer } from '../openapi/api-answer.decorator.js';
import { ALWAYS, ApiProblems, AUTHENTICATED } from '../openapi/api-problems.decorator.js';
import { ApiAsOf } from '../openapi/api-queries.decorator.js';
import { cardNumberForm } from '@zairyu/domain';
import { OrgKey } from '../auth/access.decorators.js';
import type { OrganisationCaller } from '../auth/principal.js';
import { CLOCK, type Clock } from '../bootstrap/tokens.js';
import { invalidInput } from '../failures/failure.js';
import { asOfParam } from '../http/query-params.js';
import { GetCard } from './get-card.handler.js';

@ApiTags('cards')
@ApiBearerAuth()
@Controller('v1/cards')
export class CardsController {
  constructor(
    private readonly queries: QueryBus,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Get(':number')
  @ApiOperation({ summary: 'Look up a card by number: its resident and its state as of a date' })
  @ApiParam({
    name: 'number',
    description: 'As printed, or as typed: read after NFKC, upper-casing and removal of spaces and hyphens',
    schema: { type: 'string', example: 'AB12345678CD' },
  })
  @ApiAsOf()
  @ApiAnswer(200, 'CardLookup', 'The card, its resident and its state as of the date.')
  @ApiProblems(ALWAYS, AUTHENTICATED, 404)
  get(@OrgKey() caller: OrganisationCaller, @Param('number') number: string, @QueryParam('asOf') asOf?: string) {
    // As people type it (`ab 1234-5678 cd`), read as everywhere else.
    const printed = cardNumberForm(number);
    if (printed === null) {
      throw invalidInput('Not a card number.', [
        { field: 'number', message: 'must be two letters, eight digits, two letters (spaces and hyphens are ignored)' },
      ]);
    }
    return this.queries.execute(new GetCard(caller.organisationId, printed, asOfParam(asOf, this.clock)));
  }
}
