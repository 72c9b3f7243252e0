import 'reflect-metadata';
import { runService } from '@lien-thong/platform';
import { TAX_OBLIGATION_SERVICE } from './service';

runService(TAX_OBLIGATION_SERVICE);
