/** Card look-up by number within the caller's organisation (docs/api-v1.md "Cards"). */
import { Inject } from '@nestjs/common';
import { Query, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import type { DataSource } from 'typeorm';
import { cardViewAsOf, type LocalDate } from '@zairyu/domain';
import { cardHolder, ReadModelSeal } from '@zairyu/read-model';
import { DATA_SOURCE, PROJECTION } from '../bootstrap/tokens.js';
import type { ProjectionHandle } from '../projection/index.js';
import { notFound } from '../failures/failure.js';
import { ResidentLedger } from '../residents/index.js';

export class GetCard extends Query<object> {
  constructor(
    readonly organisationId: string,
    readonly number: string,
    readonly asOf: LocalDate,
  ) {
    super();
  }
}

@QueryHandler(GetCard)
export class GetCardHandler implements IQueryHandler<GetCard> {
  constructor(
    @Inject(DATA_SOURCE) private readonly dataSource: DataSource,
    @Inject(PROJECTION) private readonly projection: ProjectionHandle,
    private readonly ledger: ResidentLedger,
    private readonly seal: ReadModelSeal,
  ) {}

  async execute({ organisationId, number, asOf }: GetCard) {
    await this.projection.caughtUp(organisationId);
    const holder = await cardHolder(this.dataSource, this.seal, organisationId, number);
    if (holder === null) throw notFound('Card');
    // The registry says whose card it is; its state as of the date comes from the stream, read
    // as every other "as of" is (libs/domain as-of.ts), so it agrees with the status.
    const history = await this.ledger.load(organisationId, holder);
    const card = history.fold.residentAsOf(asOf).cards.find((c) => c.number === number);
    if (!card || card.heldFrom > asOf) throw notFound('Card');
    const view = cardViewAsOf(card, asOf);
    return {
      number,
      residentId: history.residentId,
      state: view.state,
      kind: view.kind,
      issuedOn: view.issuedOn,
      expiresOn: view.expiresOn,
      invalidatedOn: view.invalidatedOn,
      invalidationReason: view.invalidationReason,
    };
  }
}
