import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

/** A read-only token for the iCalendar feed of one organisation; stored hashed like keys. */
@Entity({ schema: 'platform', name: 'calendar_token' })
export class CalendarTokenEntity {
  @PrimaryColumn('text') id!: string;
  @Column('uuid', { name: 'organisation_id' }) organisationId!: string;
  @Column('text', { name: 'secret_hash' }) secretHash!: string;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
}
