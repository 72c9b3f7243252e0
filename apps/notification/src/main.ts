// First: tracing (when configured) must be in place before what it instruments is loaded.
import '@lien-thong/platform/telemetry';
import 'reflect-metadata';
import { runService } from '@lien-thong/platform';
import { NOTIFICATION_SERVICE } from './service';

runService(NOTIFICATION_SERVICE);
