import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';
import type { Role } from './principal.js';

/** Only the SHA-256 of the secret is kept: the key itself is shown once, when issued. */
@Entity({ schema: 'platform', name: 'api_key' })
export class ApiKeyEntity {
  @PrimaryColumn('text') id!: string;
  @Column('uuid', { name: 'organisation_id' }) organisationId!: string;
  @Column('text') label!: string;
  @Column('text') role!: Role;
  @Column('text', { name: 'secret_hash' }) secretHash!: string;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
  @Column('timestamptz', { name: 'last_used_at', nullable: true }) lastUsedAt!: Date | null;
  /** A revoked key is kept (events name the key that recorded them) and refused. */
  @Column('timestamptz', { name: 'revoked_at', nullable: true }) revokedAt!: Date | null;
}
