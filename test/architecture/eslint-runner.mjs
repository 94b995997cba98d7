// Runs the ESLint Node API in a plain Node process: jest's module sandbox cannot load the
// repository's eslint.config.mjs (ES modules need --experimental-vm-modules there).
// Input on stdin: { texts: [{ code, filePath }], patterns: string[] }.
// Output on stdout: { texts: LintResult[], files: LintResult[], ruleOn: { [filePath]: severity } }.
import { ESLint } from 'eslint';

const chunks = [];
for await (const c of process.stdin) chunks.push(c);
const request = JSON.parse(Buffer.concat(chunks).toString('utf8'));
const eslint = new ESLint({ cwd: process.cwd(), errorOnUnmatchedPattern: false });
const slim = (r) => ({ filePath: r.filePath, messages: r.messages.map(({ ruleId, severity, message, fatal }) => ({ ruleId, severity, message, fatal })) });

const texts = [];
for (const t of request.texts) {
  const [result] = await eslint.lintText(t.code, { filePath: t.filePath });
  texts.push(slim(result));
}
const files = (await eslint.lintFiles(request.patterns)).map(slim);
const ruleOn = {};
for (const f of files) {
  const config = await eslint.calculateConfigForFile(f.filePath);
  ruleOn[f.filePath] = config?.rules?.['no-restricted-imports']?.[0] ?? 0;
}
process.stdout.write(JSON.stringify({ texts, files, ruleOn }));
