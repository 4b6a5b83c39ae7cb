import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { SswPanelInput, StatusSegment } from '@zairyu/domain';

@Entity({ schema: 'read_model', name: 'resident_summary' })
export class ResidentSummaryEntity {
  @PrimaryColumn('uuid', { name: 'organisation_id' }) organisationId!: string;
  @PrimaryColumn('uuid', { name: 'resident_id' }) residentId!: string;
  @Column('text', { name: 'full_name' }) fullName!: string;
  @Column('date', { name: 'date_of_birth' }) dateOfBirth!: string;
  @Column('text') nationality!: string;
  @Column('text', { nullable: true }) gender!: string | null;
  @Column('text', { name: 'external_ref', nullable: true }) externalRef!: string | null;
  @Column('text', { nullable: true }) notes!: string | null;
  @Column('integer') version!: number;
  @Column('text', { name: 'card_number', nullable: true }) cardNumber!: string | null;
  @Column('jsonb', { name: 'status_timeline' }) statusTimeline!: StatusSegment[];
  @Column('timestamptz', { name: 'registered_at' }) registeredAt!: Date;
  @Column('text', { name: 'assigned_to', nullable: true }) assignedTo!: string | null;
  @Column('text', { nullable: true }) employer!: string | null;
  @Column('jsonb', { name: 'ssw_panel', nullable: true }) sswPanel!: SswPanelInput | null;
}
