import { describeServiceBoots } from '@lien-thong/testing';
import { SECURED_TRANSACTIONS_SERVICE } from './service';

describeServiceBoots(SECURED_TRANSACTIONS_SERVICE);
