import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

/** A read-only token for the iCalendar feed of one organisation; stored hashed like keys. */
@Entity({ schema: 'platform', name: 'calendar_token' })
export class CalendarTokenEntity {
  @PrimaryColumn('text') id!: string;
  @Column('uuid', { name: 'organisation_id' }) organisationId!: string;
  @Column('text', { name: 'secret_hash' }) secretHash!: string;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
  @Column('timestamptz', { name: 'last_used_at', nullable: true }) lastUsedAt!: Date | null;
  @Column('timestamptz', { name: 'revoked_at', nullable: true }) revokedAt!: Date | null;
}
