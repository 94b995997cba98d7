import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';

export interface OpenApiOptions {
  title?: string;
  version?: string;
  description?: string;
}

/**
 * OpenAPI UI at `/docs` and the document at `/docs-json`. Served by the HTTP adapter directly,
 * outside Nest's guards, so it needs no token; every operation declares the bearer scheme.
 */
export function setupOpenApi(app: INestApplication, options: OpenApiOptions = {}): void {
  const config = new DocumentBuilder()
    .setTitle(options.title ?? 'Jejak API')
    .setVersion(options.version ?? '1')
    .setDescription(
      options.description ??
        'Case management for entrepreneurship programmes. Errors are application/problem+json (RFC 9457) with a stable `code`; ' +
          'writes to an existing case need `If-Match`; `Idempotency-Key` makes a retried POST safe.',
    )
    .addBearerAuth({ type: 'http', scheme: 'bearer', bearerFormat: 'JWT' }, 'bearer')
    .addSecurityRequirements('bearer')
    .build();
  SwaggerModule.setup('docs', app, () => SwaggerModule.createDocument(app, config), { jsonDocumentUrl: 'docs-json', yamlDocumentUrl: 'docs-yaml' });
}
