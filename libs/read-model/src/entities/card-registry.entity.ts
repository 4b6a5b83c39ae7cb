import { Column, Entity, PrimaryColumn } from 'typeorm';

/** Every card number a resident has held in an organisation's caseload. */
@Entity({ schema: 'read_model', name: 'card_registry' })
export class CardRegistryEntity {
  @PrimaryColumn('uuid', { name: 'organisation_id' }) organisationId!: string;
  @PrimaryColumn('text', { name: 'card_number' }) cardNumber!: string;
  @Column('uuid', { name: 'resident_id' }) residentId!: string;
  @Column('text') kind!: string;
  @Column('date', { name: 'issued_on' }) issuedOn!: string;
  @Column('date', { name: 'expires_on' }) expiresOn!: string;
  @Column('date', { name: 'invalidated_on', nullable: true }) invalidatedOn!: string | null;
  @Column('text', { name: 'invalidation_reason', nullable: true }) invalidationReason!: string | null;
}
