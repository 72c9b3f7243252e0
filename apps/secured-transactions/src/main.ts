import 'reflect-metadata';
import { runService } from '@lien-thong/platform';
import { SECURED_TRANSACTIONS_SERVICE } from './service';

runService(SECURED_TRANSACTIONS_SERVICE);
