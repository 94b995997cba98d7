import { CreatePersonalDataKeys1732700000000 } from './1732700000000-create-personal-data-keys';

export const personalDataMigrations = [CreatePersonalDataKeys1732700000000];
