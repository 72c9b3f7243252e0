import 'reflect-metadata';
import { runService } from '@lien-thong/platform';
import { CONSTRUCTION_SERVICE } from './service';

runService(CONSTRUCTION_SERVICE);
