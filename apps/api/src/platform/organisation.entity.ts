import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

export const ORGANISATION_KINDS = ['support_organisation', 'scrivener_office', 'employer'] as const;
export type OrganisationKind = (typeof ORGANISATION_KINDS)[number];

/** A caseload owner: a 登録支援機関, a 行政書士 office or an employer. */
@Entity({ schema: 'platform', name: 'organisation' })
export class OrganisationEntity {
  @PrimaryColumn('uuid') id!: string;
  @Column('text') name!: string;
  @Column('text') kind!: OrganisationKind;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
}
