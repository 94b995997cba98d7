import { PartialType } from '@nestjs/swagger';
import { ProfileFieldsDto } from './register-entrepreneur.dto';
import { Text } from './field-rules';

/** Any registration field except the NIK (PartialType makes each optional, keeping its rules), with the reason. */
export class CorrectProfileDto extends PartialType(ProfileFieldsDto) {
  @Text(1000, { description: 'why the record was wrong' })
  reason!: string;
}
