import { writeFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { docsDir } from '../catalog.js';
import { renderAll } from './render.js';

/** `npm run docs:rules`: regenerates rules/docs/*.md from the rules' metadata. */
mkdirSync(docsDir, { recursive: true });
const files = renderAll();
for (const [name, content] of files) writeFileSync(path.join(docsDir, name), content);
process.stdout.write(`wrote ${files.size} pages to ${docsDir}\n`);
