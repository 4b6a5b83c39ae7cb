import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A deadline with the dates that fix its state on any day (deadlineStateAsOf in libs/domain). */
@Entity({ schema: 'read_model', name: 'deadline' })
export class DeadlineEntity {
  @PrimaryColumn('uuid', { name: 'organisation_id' }) organisationId!: string;
  @PrimaryColumn('uuid', { name: 'resident_id' }) residentId!: string;
  @PrimaryColumn('text') id!: string;
  @Column('text', { name: 'resident_name' }) residentName!: string;
  @Column('text') kind!: string;
  @Column('date', { name: 'created_on' }) createdOn!: string;
  @Column('date', { name: 'opens_on', nullable: true }) opensOn!: string | null;
  @Column('date', { name: 'statutory_due_on' }) statutoryDueOn!: string;
  @Column('date', { name: 'due_on' }) dueOn!: string;
  @Column('date', { name: 'met_on', nullable: true }) metOn!: string | null;
  @Column('date', { name: 'void_on', nullable: true }) voidOn!: string | null;
  @Column('text', { name: 'source_event_id' }) sourceEventId!: string;
  @Column('text', { name: 'owed_by' }) owedBy!: string;
  @Column('text', { nullable: true }) employer!: string | null;
}
