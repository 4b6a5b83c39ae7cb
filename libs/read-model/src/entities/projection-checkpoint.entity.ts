import { Column, Entity, PrimaryColumn } from 'typeorm';

/** How far in the global log a projection has written, updated in the same transaction as its rows. */
@Entity({ schema: 'read_model', name: 'projection_checkpoint' })
export class ProjectionCheckpointEntity {
  @PrimaryColumn('text') name!: string;
  @Column('text') position!: string;
  @Column('timestamptz', { name: 'updated_at' }) updatedAt!: Date;
}
