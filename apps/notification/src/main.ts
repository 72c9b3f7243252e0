import 'reflect-metadata';
import { runService } from '@lien-thong/platform';
import { NOTIFICATION_SERVICE } from './service';

runService(NOTIFICATION_SERVICE);
