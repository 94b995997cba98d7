import { CreatePersonalDataKeys1732700000000 } from './1732700000000-create-personal-data-keys';
import { RecordNikKey1733200000000 } from './1733200000000-record-nik-key';

export const personalDataMigrations = [CreatePersonalDataKeys1732700000000, RecordNikKey1733200000000];
