import 'reflect-metadata';
import { runService } from '@lien-thong/platform';
import { LAND_REGISTRY_SERVICE } from './service';

runService(LAND_REGISTRY_SERVICE);
