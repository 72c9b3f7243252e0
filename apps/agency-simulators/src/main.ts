import 'reflect-metadata';
import { runService } from '@lien-thong/platform';
import { AGENCY_SIMULATORS_SERVICE } from './service';

runService(AGENCY_SIMULATORS_SERVICE);
