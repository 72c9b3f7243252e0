import { describeServiceBoots } from '@lien-thong/testing';
import { NOTIFICATION_SERVICE } from './service';

describeServiceBoots(NOTIFICATION_SERVICE);
