// First: tracing (when configured) must be in place before what it instruments is loaded.
import '@lien-thong/platform/telemetry';
import 'reflect-metadata';
import { runService } from '@lien-thong/platform';
import { LAND_REGISTRY_SERVICE } from './service';

runService(LAND_REGISTRY_SERVICE);
