import { ApiProperty } from '@nestjs/swagger';
import { PROGRAMMES, type Programme } from '../../domain';
import type { GroupMemberView, GroupView } from '../../read-models/group-state/group.view';

/** OpenAPI shape of GET /v1/groups/{id}; the answer itself is the query's GroupView. */
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
}

export class GroupViewDto implements GroupView {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ description: 'the stream version; also the ETag, to send as If-Match when adding a member' })
  version!: number;

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

  @ApiProperty({ type: [GroupMemberDto], description: 'in the order they joined' })
  members!: GroupMemberDto[];

  @ApiProperty({ format: 'date-time', description: 'the instant of the latest event folded in' })
  lastEventAt!: string;
}
