import { describeServiceBoots } from '@lien-thong/testing';
import { AGENCY_SIMULATORS_SERVICE } from './service';

describeServiceBoots(AGENCY_SIMULATORS_SERVICE, 'not-used');
