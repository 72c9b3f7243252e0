// First: tracing (when configured) must be in place before what it instruments is loaded.
import '@lien-thong/platform/telemetry';
import 'reflect-metadata';
import { runService } from '@lien-thong/platform';
import { AGENCY_SIMULATORS_SERVICE } from './service';

runService(AGENCY_SIMULATORS_SERVICE);
