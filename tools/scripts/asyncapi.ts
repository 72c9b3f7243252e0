// npm run asyncapi: regenerate docs/asyncapi.json from libs/contracts.
import 'reflect-metadata';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildAsyncApiDocument } from '@lien-thong/contracts';

const target = join(__dirname, '../../docs/asyncapi.json');
writeFileSync(target, JSON.stringify(buildAsyncApiDocument('1'), null, 2) + '\n');
console.log(`wrote ${target}`);
