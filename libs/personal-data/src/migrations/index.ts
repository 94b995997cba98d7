import { CreatePersonalDataKeys1732700000000 } from './1732700000000-create-personal-data-keys';
import { RecordNikKey1733200000000 } from './1733200000000-record-nik-key';
import { CreatePersonalDataReads1733300000000 } from './1733300000000-create-personal-data-reads';
import { IndexReadsByActor1733500000000 } from './1733500000000-index-reads-by-actor';

export const personalDataMigrations = [CreatePersonalDataKeys1732700000000, RecordNikKey1733200000000, CreatePersonalDataReads1733300000000, IndexReadsByActor1733500000000];
