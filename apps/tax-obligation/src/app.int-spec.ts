import { describeServiceBoots } from '@lien-thong/testing';
import { TAX_OBLIGATION_SERVICE } from './service';

describeServiceBoots(TAX_OBLIGATION_SERVICE);
