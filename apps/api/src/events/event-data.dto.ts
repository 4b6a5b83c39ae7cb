/**
 * The `data` of each event type as the HTTP contract fixes it (api-v1.md "Event types"),
 * checked with class-validator. The domain checks the same shapes again (validateEvent): the
 * contract here, the rules there.
 */
import { Type } from 'class-transformer';
import {
  ArrayNotEmpty,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import {
  AFFILIATION_CHANGES,
  AFFILIATION_KINDS,
  CARD_ISSUE_REASONS,
  CARD_KINDS,
  CARD_NUMBER_PATTERN,
  DESIGNATIONS,
  DETAIL_FIELDS,
  EXTRA_ACTIVITY_SCOPES,
  MY_NUMBER_OPTIONS,
  REENTRY_KINDS,
  SPOUSE_END_CAUSES,
  STATUS_CODES,
  VERIFICATION_RESULTS,
  type EventType,
} from '@zairyu/domain';
import { IsCalendarDate } from './calendar-date.validator.js';

const CARD_NUMBER_MESSAGE = { message: 'must be a card number: two upper-case letters, eight digits, two upper-case letters' };

export class CardDto {
  @IsString() @Matches(CARD_NUMBER_PATTERN, CARD_NUMBER_MESSAGE) number!: string;
  @IsOptional() @IsCalendarDate() issuedOn?: string;
  @IsOptional() @IsCalendarDate() expiresOn?: string;
  @IsOptional() @IsIn(CARD_KINDS) kind?: string;
  @IsOptional() @IsIn(MY_NUMBER_OPTIONS) myNumberOption?: string;
}

class NoData {}

export class LandedData {
  @IsIn(STATUS_CODES) status!: string;
  @IsCalendarDate() periodExpiresOn!: string;
  @IsOptional() @IsString() @MaxLength(100) port?: string;
  @IsOptional() @ValidateNested() @Type(() => CardDto) card?: CardDto;
  @IsOptional() @IsIn(DESIGNATIONS) designation?: string;
}

export class CardIssuedData {
  @ValidateNested() @Type(() => CardDto) card!: CardDto;
  @IsIn(CARD_ISSUE_REASONS) reason!: string;
}

export class AddressData {
  @IsString() @IsNotEmpty() @MaxLength(500) address!: string;
}

export class DetailsChangedData {
  @IsArray() @ArrayNotEmpty() @IsIn(DETAIL_FIELDS, { each: true }) fields!: string[];
}

export class ExtensionGrantedData {
  @IsCalendarDate() periodExpiresOn!: string;
  @ValidateNested() @Type(() => CardDto) card!: CardDto;
}

export class StatusChangeAppliedData {
  @IsIn(STATUS_CODES) toStatus!: string;
}

export class StatusGrantedData {
  @IsIn(STATUS_CODES) status!: string;
  @IsOptional() @IsCalendarDate() periodExpiresOn?: string;
  @ValidateNested() @Type(() => CardDto) card!: CardDto;
  @IsOptional() @IsIn(DESIGNATIONS) designation?: string;
}

export class PermanentResidenceGrantedData {
  @ValidateNested() @Type(() => CardDto) card!: CardDto;
}

export class StatusAcquisitionAppliedData {
  @IsIn(STATUS_CODES) status!: string;
}

export class CardLostData {
  @IsOptional() @IsBoolean() discoveredAbroad?: boolean;
}

export class CardSurrenderedData {
  @IsOptional() @IsString() @MaxLength(500) reason?: string;
}

export class DepartedData {
  @IsIn(REENTRY_KINDS) reentry!: string;
  @IsOptional() @IsCalendarDate() permitExpiresOn?: string;
}

export class StatusRevokedData {
  @IsOptional() @IsString() @MaxLength(500) ground?: string;
}

export class AffiliationChangedData {
  @IsIn(AFFILIATION_KINDS) kind!: string;
  @IsIn(AFFILIATION_CHANGES) change!: string;
  @IsOptional() @IsString() @MaxLength(200) organisation?: string;
}

export class SpouseRelationshipEndedData {
  @IsIn(SPOUSE_END_CAUSES) cause!: string;
}

export class ExtraActivityPermittedData {
  @IsIn(EXTRA_ACTIVITY_SCOPES) scope!: string;
  @IsOptional() @IsInt() @Min(1) @Max(40) hoursPerWeek?: number;
}

export class CardVerifiedData {
  @IsString() @Matches(CARD_NUMBER_PATTERN, CARD_NUMBER_MESSAGE) number!: string;
  @IsIn(VERIFICATION_RESULTS) result!: string;
}

export class EventRetractedData {
  @IsString() @IsNotEmpty() @MaxLength(100) eventId!: string;
  @IsString() @IsNotEmpty() @MaxLength(500) reason!: string;
}

export type RecordableEventType = Exclude<EventType, 'ResidentRegistered'>;

/** Which class checks the data of which type: every recordable type of the contract. */
export const EVENT_DATA_CLASSES: Record<RecordableEventType, new () => object> = {
  Landed: LandedData,
  BornInJapan: NoData,
  CardIssued: CardIssuedData,
  Moved: AddressData,
  ResidenceNotified: AddressData,
  DetailsChanged: DetailsChangedData,
  ExtensionApplied: NoData,
  ExtensionGranted: ExtensionGrantedData,
  ExtensionDenied: NoData,
  StatusChangeApplied: StatusChangeAppliedData,
  StatusChangeGranted: StatusGrantedData,
  StatusChangeDenied: NoData,
  PermanentResidenceApplied: NoData,
  PermanentResidenceGranted: PermanentResidenceGrantedData,
  PermanentResidenceDenied: NoData,
  StatusAcquisitionApplied: StatusAcquisitionAppliedData,
  StatusAcquisitionGranted: StatusGrantedData,
  CardLost: CardLostData,
  CardSurrendered: CardSurrenderedData,
  Departed: DepartedData,
  Reentered: NoData,
  StatusRevoked: StatusRevokedData,
  Naturalised: NoData,
  Died: NoData,
  AffiliationChanged: AffiliationChangedData,
  AffiliationNotified: NoData,
  SpouseRelationshipEnded: SpouseRelationshipEndedData,
  SpouseNotified: NoData,
  ExtraActivityPermitted: ExtraActivityPermittedData,
  CardVerified: CardVerifiedData,
  EventRetracted: EventRetractedData,
};
