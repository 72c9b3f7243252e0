// First: tracing (when configured) must be in place before what it instruments is loaded.
import '@lien-thong/platform/telemetry';
import 'reflect-metadata';
import { runService } from '@lien-thong/platform';
import { CONSTRUCTION_SERVICE } from './service';

runService(CONSTRUCTION_SERVICE);
