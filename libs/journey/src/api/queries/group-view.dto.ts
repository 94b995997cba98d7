import { ApiProperty } from '@nestjs/swagger';
import { FUNDING_SOURCES, GRANT_FORMS, PROGRAMMES, type FundingSource, type GrantForm, type Programme } from '../../domain';
import type { GroupGrantView, GroupMemberView, GroupView } from '../../read-models/group-state/group.view';
import type { GroupSummaryItem, GroupSummaryPage } from '../../read-models/group-summary/group-summary.query';

/** OpenAPI shapes of GET /v1/groups and GET /v1/groups/{id}; the answers themselves are the queries' types. */
export class GroupMemberDto implements GroupMemberView {
  @ApiProperty({ format: 'uuid' })
  entrepreneurId!: string;

  @ApiProperty({ format: 'date' })
  joinedOn!: string;

  @ApiProperty({ type: String, nullable: true, description: "null once the person's data is erased, or when the person's kecamatan is outside your area" })
  fullName!: string | null;

  @ApiProperty({ type: String, nullable: true, example: '32.16.01' })
  kecamatanCode!: string | null;

  @ApiProperty()
  personalDataErased!: boolean;

  @ApiProperty({ description: 'processing restricted (UU PDP): the name is shown to supervisors and auditors only' })
  processingRestricted!: boolean;
}

export class GroupGrantDto implements GroupGrantView {
  @ApiProperty({ format: 'uuid', description: 'the member whose case records the grant' })
  entrepreneurId!: string;

  @ApiProperty({ enum: PROGRAMMES })
  programme!: Programme;

  @ApiProperty({ description: 'whole rupiah', example: 20_000_000 })
  amount!: number;

  @ApiProperty({ enum: GRANT_FORMS })
  form!: GrantForm;

  @ApiProperty({ format: 'date' })
  receivedOn!: string;

  @ApiProperty({ enum: FUNDING_SOURCES })
  fundingSource!: FundingSource;

  @ApiProperty({ required: false, description: 'the SK number', example: 'KEP.12/BPKK/2024' })
  decreeNumber?: string;
}

/** What GroupFormed fixed, in both answers. */
class GroupFactsDto implements Omit<GroupSummaryItem, 'membersCount' | 'grantsCount' | 'grantTotal'> {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ example: 'Kelompok Resin Art Maju Bersama' })
  name!: string;

  @ApiProperty({ example: '32.16.01', description: 'where the group runs its business' })
  regionCode!: string;

  @ApiProperty({ example: '32.16.01' })
  kecamatanCode!: string;

  @ApiProperty({ example: 'kerajinan resin' })
  businessType!: string;

  @ApiProperty({ enum: PROGRAMMES })
  programme!: Programme;

  @ApiProperty({ format: 'date' })
  formedOn!: string;

  @ApiProperty({ description: 'fixed when the group was formed' })
  maxMembers!: number;
}

export class GroupViewDto extends GroupFactsDto implements GroupView {
  @ApiProperty({ description: 'the stream version; also the ETag, to send as If-Match when adding a member' })
  version!: number;

  @ApiProperty({ type: [GroupMemberDto], description: 'in the order they joined' })
  members!: GroupMemberDto[];

  @ApiProperty({ type: [GroupGrantDto], description: "the grants the members' cases record with this group's id, by date received; public money, shown for every member" })
  grants!: GroupGrantDto[];

  @ApiProperty({ description: 'how many grants' })
  grantsCount!: number;

  @ApiProperty({ description: 'their sum, whole rupiah' })
  grantTotal!: number;

  @ApiProperty({ format: 'date-time', description: 'the instant of the latest event folded in' })
  lastEventAt!: string;
}

/** An item of GET /v1/groups: a row of the group_summary read model. */
export class GroupSummaryDto extends GroupFactsDto implements GroupSummaryItem {
  @ApiProperty({ description: 'members who joined' })
  membersCount!: number;

  @ApiProperty({ description: 'grants recorded with this groupId' })
  grantsCount!: number;

  @ApiProperty({ description: 'the sum of those grants, whole rupiah' })
  grantTotal!: number;
}

export class GroupListDto implements GroupSummaryPage {
  @ApiProperty({ type: [GroupSummaryDto], description: 'in a stable order (by id), so the cursor never repeats or skips a group' })
  items!: GroupSummaryDto[];

  @ApiProperty({ type: String, nullable: true, description: 'pass as ?cursor= for the next page; null on the last' })
  nextCursor!: string | null;
}
