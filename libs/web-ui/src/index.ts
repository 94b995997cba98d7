export { serveWebUi, WEB_UI_CONTENT_SECURITY_POLICY } from './serve-web-ui';
export { webUiAssetsDir } from './web-ui-assets';
