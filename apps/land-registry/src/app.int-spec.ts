import { describeServiceBoots } from '@lien-thong/testing';
import { LAND_REGISTRY_SERVICE } from './service';

describeServiceBoots(LAND_REGISTRY_SERVICE);
