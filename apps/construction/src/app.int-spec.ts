import { describeServiceBoots } from '@lien-thong/testing';
import { CONSTRUCTION_SERVICE } from './service';

describeServiceBoots(CONSTRUCTION_SERVICE);
