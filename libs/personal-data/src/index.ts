export { PersonalDataVault } from './personal-data.vault';
export { SubjectKeys } from './subject-keys';
export { NikHasher, NIK_CLAIM_SCOPE } from './nik-hasher';
export { resolveSecrets, secretsOf, keyId, PersonalDataConfigError, type PersonalDataSecrets, type SecretSources } from './keys/master-key';
export type { KeyCacheOptions } from './keys/key-cache';
export { PII_FIELD, ERASED_FIELD, isErasedData, type PiiEnvelope } from './envelope';
export * from './errors';
export { personalDataMigrations } from './migrations';
export { PersonalDataModule, PERSONAL_DATA_SECRETS } from './personal-data.module';
