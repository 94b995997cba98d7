import { isWebUiPath } from './serve-web-ui';

describe('which requests the web UI’s files answer', () => {
  it.each(['/', '/index.html', '/app.css', '/js/main.js', '/js/views/case.js', '/v1x', '/healthy.png', '/documents.html'])('%s may be a file of the UI', (path) => {
    expect(isWebUiPath(path)).toBe(true);
  });

  it.each(['/v1', '/v1/entrepreneurs', '/v1/entrepreneurs/3b1f/timeline', '/health', '/health/live', '/health/ready', '/metrics', '/docs', '/docs/asyncapi', '/docs-json', '/docs-yaml', '/V1/entrepreneurs', '/Health'])(
    '%s goes straight to the API, without looking on disk',
    (path) => {
      expect(isWebUiPath(path)).toBe(false);
    },
  );
});
